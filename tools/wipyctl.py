"""wipyctl: a client of the virtual WiPy's control interface (docs/control-protocol.md), standard
library only. As a module: Control(port).pin("GP10"), .drive("GP10", "high"), .subscribe(...),
.wait_event(...). As a program: `wipyctl --port N pin GP10 high`, `wipyctl led`, `wipyctl watch`,
`wipyctl clock advance 1000` ... (`wipyctl --help`).

Replies and events share one connection: replies carry the request's "id", events an "event" key.
Events that arrive while a reply is awaited are kept, in order, for next_event()/wait_event()."""
import argparse
import base64
import collections
import json
import os
import select
import socket
import sys
import time

DEFAULT_HOST = "127.0.0.1"


class ControlError(Exception):
    """The board answered a request with an error (its message is the exception's text)."""

    def __init__(self, message, reply=None):
        super().__init__(message)
        self.reply = reply


class Control:
    """One connection to a board's control port."""

    def __init__(self, port, host=DEFAULT_HOST, timeout=10.0):
        self.timeout = timeout
        self.sock = socket.create_connection((host, int(port)), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._buf = bytearray()
        self._next_id = 1
        self.events = collections.deque()
        self.replies = collections.deque()  # replies that came while an event was awaited
        self.closed = False

    # ---- the wire ----

    def close(self):
        if not self.closed:
            self.closed = True
            try:
                self.sock.close()
            except OSError:
                pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def send_line(self, data):
        """Sends raw bytes (a line, or anything: for tests of malformed requests)."""
        if isinstance(data, str):
            data = data.encode()
        self.sock.sendall(data)

    def _read_line(self, deadline):
        """The next line (a dict), or None when the deadline passed; ConnectionError at the end."""
        while True:
            i = self._buf.find(b"\n")
            if i >= 0:
                line = bytes(self._buf[:i])
                del self._buf[:i + 1]
                if line.strip():
                    return json.loads(line)
                continue
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            r, _, _ = select.select([self.sock], [], [], left)
            if not r:
                return None
            d = self.sock.recv(65536)
            if not d:
                raise ConnectionError("the board closed the control connection")
            self._buf += d

    def read_reply(self, want_id=None, timeout=None):
        """The next reply (with want_id if given); events on the way are queued."""
        timeout = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + timeout
        for msg in list(self.replies):
            if want_id is None or msg.get("id") == want_id:
                self.replies.remove(msg)
                return msg
        while True:
            msg = self._read_line(deadline)
            if msg is None:
                raise TimeoutError("no reply from the board within %.1f s" % timeout)
            if "event" in msg:
                self.events.append(msg)
            elif want_id is None or msg.get("id") == want_id:
                return msg

    def request(self, cmd, **args):
        """Sends one request; returns the reply as it came (ok true or false)."""
        rid = self._next_id
        self._next_id += 1
        req = dict(args)
        req["cmd"] = cmd
        req["id"] = rid
        self.send_line(json.dumps(req) + "\n")
        return self.read_reply(rid)

    def call(self, cmd, **args):
        """Sends one request; returns the reply, or raises ControlError with the board's message."""
        reply = self.request(cmd, **args)
        if not reply.get("ok"):
            raise ControlError(reply.get("error", "request failed"), reply)
        return reply

    # ---- events ----

    def next_event(self, timeout=None):
        """The next event (queued or arriving within timeout), else None."""
        if self.events:
            return self.events.popleft()
        timeout = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + timeout
        while True:
            msg = self._read_line(deadline)
            if msg is None:
                return None
            if "event" in msg:
                return msg
            self.replies.append(msg)

    def wait_event(self, pred=None, timeout=None, **match):
        """The first event for which pred(ev) is true and whose keys equal `match` (events before
        it are dropped); raises TimeoutError if none comes within timeout."""
        timeout = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + timeout
        while True:
            ev = self.next_event(max(0.0, deadline - time.monotonic()))
            if ev is None:
                raise TimeoutError("no event %s within %.1f s" % (match or pred, timeout))
            if all(ev.get(k) == v for k, v in match.items()) and (pred is None or pred(ev)):
                return ev

    def console_until(self, token, timeout=None):
        """Console text (subscribe to "console" first) up to and including token."""
        if isinstance(token, bytes):
            token = token.decode("latin-1")
        timeout = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + timeout
        text = ""
        while token not in text:
            ev = self.next_event(max(0.0, deadline - time.monotonic()))
            if ev is None:
                raise TimeoutError("%r not seen on the console within %.1f s; got %r" % (token, timeout, text[-400:]))
            if ev.get("event") == "console":
                text += ev["data"]
        return text

    # ---- commands ----

    def info(self):
        return self.call("info")

    def status(self):
        return self.call("status")

    def pin(self, name):
        return self.call("pin.read", pin=name)

    def level(self, name):
        return self.pin(name)["level"]

    def pins(self):
        return self.call("pins")["pins"]

    def drive(self, name, level):
        return self.call("pin.drive", pin=name, level=level)

    def volts(self, name, volts):
        return self.call("pin.drive", pin=name, volts=volts)

    def release(self, name):
        return self.call("pin.release", pin=name)

    def history(self, name, n=None):
        args = {"pin": name}
        if n is not None:
            args["n"] = n
        return self.call("pin.history", **args)

    def press(self, button):
        return self.call("button.press", button=button)

    def unpress(self, button):
        return self.call("button.release", button=button)

    def led(self):
        return self.call("led")

    def energy(self):
        return self.call("energy")

    def clock(self):
        return self.call("clock")["now_ns"]

    def advance(self, **unit):
        """advance(ms=1000) (or ns=, us=, s=); returns the new time in ns."""
        return self.call("clock.advance", **unit)["now_ns"]

    def reset(self, kind="hard"):
        return self.call("reset", kind=kind)

    def power_cycle(self):
        return self.call("power_cycle")

    def trace_start(self, path):
        return self.call("trace.start", file=os.path.abspath(path))

    def trace_stop(self):
        return self.call("trace.stop")

    def sd(self):
        return self.call("sd")

    def sd_insert(self, image, write_protect=False):
        """Puts a card in the SD slot; a relative image path is made absolute here (the board's
        folder may be another)."""
        return self.call("sd.insert", image=os.path.abspath(image), write_protect=bool(write_protect))

    def sd_remove(self):
        return self.call("sd.remove")

    def subscribe(self, events=None, pins=None):
        args = {}
        if events is not None:
            args["events"] = list(events)
        if pins is not None:
            args["pins"] = list(pins)
        return self.call("subscribe", **args)

    def unsubscribe(self, events=None):
        return self.call("unsubscribe", **({} if events is None else {"events": list(events)}))

    def uart(self, uart=None):
        """One UART's state (0 or 1), or {"uarts": [both]}."""
        return self.call("uart", **({} if uart is None else {"uart": uart}))

    def uart_inject(self, uart, data):
        """Bytes into the UART's receive path, as if from its RX pin; the reply says how many it took."""
        if isinstance(data, str):
            data = data.encode()
        return self.call("uart.inject", uart=uart, hex=bytes(data).hex())

    def uart_read(self, uart, n=None):
        """What the UART's TX sent since the last read (bytes), from the board's bounded capture."""
        reply = self.call("uart.read", uart=uart, **({} if n is None else {"n": n}))
        return reply["data"].encode("latin-1")
    # ---- device models (I2C and SPI) ----

    def devices(self):
        return self.call("devices")["devices"]

    def device(self, dev):
        return self.call("device", device=dev)

    def device_set(self, dev, **values):
        """device_set("imu", accel_x=0.5, temp=30): values in the device's units (g, deg/s, degC, Pa, %RH)."""
        return self.call("device.set", device=dev, values=values)["values"]

    def device_read(self, dev, offset=0, length=None):
        """The device's memory (EEPROM cells, flash array, display RAM) as bytes."""
        args = {"device": dev, "offset": offset, "encoding": "base64"}
        if length is not None:
            args["length"] = length
        return base64.b64decode(self.call("device.read", **args)["base64"])

    def device_write(self, dev, data, offset=0):
        return self.call("device.write", device=dev, offset=offset, base64=base64.b64encode(bytes(data)).decode())

    def image(self, dev):
        """An SSD1306's panel: a list of rows of '0'/'1' (1 = lit)."""
        return self.call("device.image", device=dev)["rows"]

    def adc(self):
        return self.call("adc")["channels"]


# ---- the command line ----

def _parse_duration(text):
    """'1000' (ms), '250us', '3s', '10ns', '5ms' -> {unit: n}."""
    for unit in ("ns", "us", "ms", "s"):
        if text.endswith(unit) and text[:-len(unit)].isdigit():
            return {unit: int(text[:-len(unit)])}
    if text.isdigit():
        return {"ms": int(text)}
    raise ValueError("a duration is N (ms) or N followed by ns, us, ms or s, not %r" % text)


def _unescape(text):
    """'print(1)\\r' -> b'print(1)\\r': backslash escapes as in a Python bytes literal."""
    import codecs
    return codecs.escape_decode(text.encode("utf-8"))[0]


def _print_json(obj):
    obj = {k: v for k, v in obj.items() if k not in ("id", "ok")}
    print(json.dumps(obj, indent=None, sort_keys=False))


USAGE = """wipyctl [--host H] [--port N] COMMAND [ARGS]
commands:
  info | status | help            the board, its state, the board's command list
  pins                            every pin's state
  pin NAME                        one pin's state
  pin NAME high|low|release       drive the pin from outside, or let go
  pin NAME volts V                a voltage source on the pin (refused above 3.6 V / 1.8 V analog)
  history NAME [N]                the pin's last N edges (time in ns, level)
  press BUTTON | release BUTTON   a push button of the board file (by name or pin)
  led                             on or off
  energy                          the energy account
  clock                           the board's time (ns)
  clock advance N[ns|us|ms|s]     move a virtual clock forward (N alone: ms)
  reset [hard|soft|power]         reset the board; power-cycle = reset power
  trace [start FILE | stop]       the VCD trace
  uart [0|1]                      the UARTs: configuration, pins, host pty/TCP, counts
  uart N inject TEXT              bytes into UART N's RX (escapes such as \\r \\n \\x04 understood)
  uart N read [COUNT]             what UART N's TX sent since the last read (raw bytes on stdout)
  sd | sd insert IMAGE [ro] | sd remove
                                  the SD slot: its state, put a card in (ro: write-protected), take it out
  watch [edge|led|console|board ...] [--pins GP10,GP11] [--count N] [--timeout S]
                                  print events as they come (one JSON line each)
  devices                         the I2C and SPI device models
  device ID                       one device: its values
  device ID set KEY=V ...         set values (g, deg/s, degC, Pa, %RH): imu accel_x=0.5
  device ID read [OFF [LEN]]      its memory as hex (EEPROM, flash, display RAM)
  device ID write OFF HEX         write into its memory
  image ID [FILE]                 an SSD1306's panel as text (# lit), or as a PBM file
  adc                             the ADC channels (set a voltage with: pin GP3 volts 0.7)
  send JSON                       one raw request
The port is --port or $WIPY_CONTROL_PORT."""


def main(argv=None):
    ap = argparse.ArgumentParser(prog="wipyctl", usage=USAGE, add_help=True)
    ap.add_argument("--host", default=DEFAULT_HOST)
    ap.add_argument("--port", type=int, default=os.environ.get("WIPY_CONTROL_PORT"))
    ap.add_argument("--timeout", type=float, default=10.0, help=argparse.SUPPRESS)
    ap.add_argument("command")
    ap.add_argument("args", nargs=argparse.REMAINDER)
    a = ap.parse_args(argv)
    if a.port is None:
        print("wipyctl: give the board's control port with --port N (or $WIPY_CONTROL_PORT)", file=sys.stderr)
        return 2
    try:
        with Control(a.port, a.host) as c:
            return _run(c, a.command, a.args, a.timeout)
    except ControlError as e:
        print("wipyctl: %s" % e, file=sys.stderr)
        return 1
    except (ValueError, IndexError) as e:
        print("wipyctl: %s\n%s" % (e, USAGE), file=sys.stderr)
        return 2
    except (OSError, TimeoutError) as e:
        print("wipyctl: %s:%s: %s" % (a.host, a.port, e), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _run(c, cmd, args, timeout):
    if cmd in ("info", "status", "help", "pins", "energy") and not args:
        _print_json(c.call(cmd))
    elif cmd == "pin" and len(args) == 1:
        _print_json(c.pin(args[0]))
    elif cmd == "pin" and len(args) == 2 and args[1] == "release":
        _print_json(c.release(args[0]))
    elif cmd == "pin" and len(args) == 2:
        _print_json(c.drive(args[0], args[1]))
    elif cmd == "pin" and len(args) == 3 and args[1] == "volts":
        _print_json(c.volts(args[0], float(args[2])))
    elif cmd == "history" and len(args) in (1, 2):
        h = c.history(args[0], int(args[1]) if len(args) == 2 else None)
        for t, level in h["edges"]:
            print("%d %d" % (t, level))
    elif cmd in ("press", "release") and len(args) == 1:
        _print_json(c.press(args[0]) if cmd == "press" else c.unpress(args[0]))
    elif cmd == "led" and not args:
        print("on" if c.led()["on"] else "off")
    elif cmd == "clock" and not args:
        print(c.clock())
    elif cmd == "clock" and len(args) == 2 and args[0] == "advance":
        print(c.advance(**_parse_duration(args[1])))
    elif cmd == "reset" and len(args) <= 1:
        c.reset(args[0] if args else "hard")
    elif cmd == "power-cycle" and not args:
        c.power_cycle()
    elif cmd == "trace" and not args:
        _print_json(c.call("trace"))
    elif cmd == "trace" and len(args) == 2 and args[0] == "start":
        _print_json(c.trace_start(args[1]))
    elif cmd == "trace" and args == ["stop"]:
        _print_json(c.trace_stop())
    elif cmd == "uart" and len(args) <= 1:
        _print_json(c.uart(int(args[0]) if args else None))
    elif cmd == "uart" and len(args) == 3 and args[1] == "inject":
        _print_json(c.uart_inject(int(args[0]), _unescape(args[2])))
    elif cmd == "uart" and len(args) in (2, 3) and args[1] == "read":
        data = c.uart_read(int(args[0]), int(args[2]) if len(args) == 3 else None)
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    elif cmd == "sd" and not args:
        _print_json(c.sd())
    elif cmd == "sd" and len(args) in (2, 3) and args[0] == "insert" and args[2:] in ([], ["ro"]):
        _print_json(c.sd_insert(args[1], write_protect=args[2:] == ["ro"]))
    elif cmd == "sd" and args == ["remove"]:
        _print_json(c.sd_remove())
    elif cmd == "devices" and not args:
        for d in c.devices():
            print(json.dumps(d))
    elif cmd == "device" and len(args) == 1:
        _print_json(c.device(args[0]))
    elif cmd == "device" and len(args) >= 3 and args[1] == "set":
        values = {}
        for kv in args[2:]:
            k, sep, v = kv.partition("=")
            if not sep:
                raise ValueError("device set wants KEY=VALUE, not %r" % kv)
            values[k] = float(v) if any(ch in v for ch in ".eE") else int(v)
        print(json.dumps(c.device_set(args[0], **values)))
    elif cmd == "device" and 2 <= len(args) <= 4 and args[1] == "read":
        data = c.device_read(args[0], int(args[2], 0) if len(args) > 2 else 0, int(args[3], 0) if len(args) > 3 else None)
        print(data.hex())
    elif cmd == "device" and len(args) == 4 and args[1] == "write":
        _print_json(c.device_write(args[0], bytes.fromhex(args[3]), int(args[2], 0)))
    elif cmd == "image" and len(args) in (1, 2):
        reply = c.call("device.image", device=args[0])
        if len(args) == 2:
            with open(args[1], "w") as f:
                f.write(reply["pbm"])
        else:
            for row in reply["rows"]:
                print(row.replace("0", ".").replace("1", "#"))
    elif cmd == "adc" and not args:
        for ch in c.adc():
            print("%d %s %s %.3f V %d" % (ch["channel"], ch["pin"], "on " if ch["enabled"] else "off", ch["volts"],
                                          ch["value"]))
    elif cmd == "watch":
        return _watch(c, args)
    elif cmd == "send" and len(args) == 1:
        req = json.loads(args[0])
        if not isinstance(req, dict) or "cmd" not in req:
            raise ValueError("send wants a JSON object with a \"cmd\"")
        name = req.pop("cmd")
        reply = c.request(name, **req)
        print(json.dumps(reply))
        return 0 if reply.get("ok") else 1
    else:
        raise ValueError("bad command: %s" % " ".join([cmd] + args))
    return 0


def _watch(c, args):
    wp = argparse.ArgumentParser(prog="wipyctl watch")
    wp.add_argument("events", nargs="*")
    wp.add_argument("--pins")
    wp.add_argument("--count", type=int)
    wp.add_argument("--timeout", type=float)
    w = wp.parse_args(args)
    c.subscribe(w.events or None, w.pins.split(",") if w.pins else None)
    n = 0
    deadline = None if w.timeout is None else time.monotonic() + w.timeout
    while w.count is None or n < w.count:
        left = 3600.0 if deadline is None else deadline - time.monotonic()
        if left <= 0:
            break
        ev = c.next_event(left)
        if ev is None:
            continue
        print(json.dumps(ev), flush=True)
        n += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
