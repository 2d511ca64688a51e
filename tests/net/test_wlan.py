"""network.WLAN (spec §7) on real boards: the boot default (AP wipy-wlan-XXXX, www.wipy.io,
192.168.1.1), the networks of the board file (--board FILE, "networks"), scan, connect (a wrong
key or an unknown network times out as a radio would), ifconfig with DHCP and static addresses,
disconnect, a connect/disconnect closing the user's sockets and the telnet session, settings
that survive a soft reset, irq, and board files with errors."""
import json
import re

import pytest

from conftest import RawRepl
from harness import ControlError, board_file_refused, exec_ok as ex

NETWORKS = {"wlan": {"networks": [
    {"ssid": "home", "auth": "WPA2", "key": "secret-key", "rssi": -55, "channel": 6, "bssid": "aa:bb:cc:dd:ee:01"},
    {"ssid": "cafe", "rssi": -80, "channel": 11},
    {"ssid": "gone", "key": "x" * 8, "up": False},
]}}


def start_wlan_board(make_board, tmp_path, *opts):
    """A board on a board file with NETWORKS (and the given options), a raw REPL on its terminal."""
    path = tmp_path / "board.json"
    path.write_text(json.dumps(NETWORKS))
    board = make_board(args=("--board", str(path)) + opts)
    ctl = board.control_client() if "--control" in opts else None
    raw = RawRepl(board.term)
    raw.enter()
    return board, raw, ctl


@pytest.fixture
def wlan_board(make_board, tmp_path):
    board, raw, _ = start_wlan_board(make_board, tmp_path)
    return board, raw


def test_boot_default_and_scan(wlan_board):
    board, raw = wlan_board
    assert ex(raw, "import network\nw = network.WLAN()\nprint(w)\nprint(w.ifconfig(), w.isconnected())\n") == (
        "WLAN(mode=WLAN.AP, ssid='wipy-wlan-1e0b', auth=(WLAN.WPA2, 'www.wipy.io'), channel=5, antenna=WLAN.INT_ANT)\r\n"
        "('192.168.1.1', '255.255.255.0', '192.168.1.1', '192.168.1.1') False\r\n")
    assert ex(raw, "try:\n  w.scan()\nexcept OSError as e:\n  print(e)\n") == "[Errno 1] EPERM\r\n"
    assert ex(raw, "w.mode(network.WLAN.STA)\nfor n in w.scan(): print(tuple(n))\n") == (
        "('home', b'\\xaa\\xbb\\xcc\\xdd\\xee\\x01', 2, None, -55)\r\n"
        "('cafe', b'\\x02WIP\\x01\\x9d', 0, None, -80)\r\n")
    # the results are named as the WiPy's are, and like the WiPy's never carry the channel
    assert ex(raw, "n = w.scan()[0]\nprint(n.ssid, n.bssid == n[1], n.sec, n.channel, n.rssi)\n") == (
        "home True 2 None -55\r\n")


def test_init_defaults(wlan_board):
    # as the WiPy's WLAN.init: auth not given is open, channel 1 and the internal antenna; ssid kept
    board, raw = wlan_board
    assert ex(raw, "import network\nw = network.WLAN(mode=network.WLAN.AP)\n"
                   "print(w.mode() == network.WLAN.AP, w.channel(), w.auth(), w.antenna(), w.ssid())\n"
                   "w = network.WLAN(0, mode=network.WLAN.AP, ssid='t', auth=(network.WLAN.WPA, 'k' * 8), channel=7)\n"
                   "print(w.channel(), w.auth(), w.ssid())\nw.init(mode=network.WLAN.AP)\n"
                   "print(w.channel(), w.auth(), w.ssid())\n") == (
        "True 1 None 0 wipy-wlan-1e0b\r\n7 (2, 'kkkkkkkk') t\r\n1 None t\r\n")


def test_connect_ifconfig_disconnect(wlan_board):
    board, raw = wlan_board
    assert ex(raw, """
import network, socket
w = network.WLAN(mode=network.WLAN.STA)
s = socket.socket()
w.connect('home', auth=(network.WLAN.WPA2, 'secret-key'), timeout=5000)
print(w.isconnected(), w.ssid(), w.ifconfig())
try:
    s.send(b'x')
except OSError as e:
    print('socket closed by the connect:', e)
w.ifconfig(config=('10.0.0.5', '255.0.0.0', '10.0.0.1', '8.8.8.8'))
print(w.ifconfig())
w.ifconfig(config='dhcp')
w.disconnect()
print(w.isconnected(), w.ifconfig()[0])
w.connect('cafe', timeout=1000)
print(w.isconnected(), w.ifconfig()[0])
""") == ("True home ('192.168.0.111', '255.255.255.0', '192.168.0.1', '192.168.0.1')\r\n"
         "socket closed by the connect: [Errno 9] EBADF\r\n"
         "('10.0.0.5', '255.0.0.0', '10.0.0.1', '8.8.8.8')\r\n"
         "False 0.0.0.0\r\n"
         "True 192.168.1.111\r\n")


def test_wrong_key_unknown_and_down_networks_time_out(wlan_board):
    board, raw = wlan_board
    assert ex(raw, """
import network, time
w = network.WLAN(mode=network.WLAN.STA)
for ssid, auth in [('home', (network.WLAN.WPA2, 'wrong')), ('nowhere', None), ('gone', (network.WLAN.WPA2, 'x' * 8)),
                   ('home', None)]:
    t = time.ticks_ms()
    try:
        w.connect(ssid, auth=auth, timeout=300)
    except OSError as e:
        print(ssid, e, 250 <= time.ticks_diff(time.ticks_ms(), t) < 2000, w.isconnected())
w.connect('home', auth=(network.WLAN.WPA2, 'wrong'))
print('no timeout: returns', w.isconnected())
w.mode(network.WLAN.AP)
try:
    w.connect('home')
except OSError as e:
    print(e)
""") == ("home [Errno 110] ETIMEDOUT True False\r\nnowhere [Errno 110] ETIMEDOUT True False\r\n"
         "gone [Errno 110] ETIMEDOUT True False\r\nhome [Errno 110] ETIMEDOUT True False\r\n"
         "no timeout: returns False\r\nconnect() needs STA mode: wlan.init(mode=WLAN.STA) first\r\n")


def test_connect_closes_the_telnet_session_and_settings_survive_soft_reset(wlan_board):
    board, raw = wlan_board
    t = board.telnet(login=False)
    t.login()
    ex(raw, "import network\nw = network.WLAN(mode=network.WLAN.STA)\n"
            "w.connect('home', auth=(network.WLAN.WPA2, 'secret-key'), timeout=1000)\n")
    t.read_all()  # the server closed the session
    raw.soft_reset()
    assert ex(raw, "import network\nw = network.WLAN()\nprint(w.mode(), w.isconnected(), w.ssid())\n") == (
        "0 True home\r\n")


@pytest.mark.parametrize("doc, message", [
    ('{"wlan": {"networks": 5}}', '"networks" must be an array of objects'),
    ('{"wlan": {"nets": []}}', '"wlan" holds one key, "networks"'),
    ('{"wlan": {"networks": [{"ssid": ""}]}}', 'networks[0]: "ssid" must be a string of 1 to 32 characters'),
    ('{"wlan": {"networks": [{"ssid": "a", "auth": "WPA3"}]}}', 'networks[0] (a): "auth" must be "WPA2", "WPA", "WEP" or "OPEN"'),
    ('{"wlan": {"networks": [{"ssid": "a", "channel": 14}]}}', 'networks[0] (a): "channel" must be an integer 1..11'),
    ('{"wlan": {"networks": [{"ssid": "a", "bssid": "zz"}]}}', 'networks[0] (a): "bssid" must look like "aa:bb:cc:dd:ee:ff"'),
    ('{"wlan": {"networks": [{"ssid": "a", "rssi": 5}]}}', 'networks[0] (a): "rssi" must be an integer in dBm, -127..0'),
    ('[1', None),
])
def test_bad_board_files(tmp_path, doc, message):
    err = board_file_refused(tmp_path, doc)
    if message:
        assert err == "wipy: %s: wlan: %s\n" % (tmp_path / "bad.json", message)


def test_control_interface_takes_networks_up_and_down(make_board, tmp_path):
    board, raw, ctl = start_wlan_board(make_board, tmp_path, "--control", "127.0.0.1:0")
    st = ctl.call("wlan")
    assert (st["mode"], st["connected"], st["ip"]) == ("AP", None, "192.168.1.1")
    assert [(n["ssid"], n["up"], n["rssi"]) for n in st["networks"]] == [("home", True, -55), ("cafe", True, -80),
                                                                         ("gone", False, -60)]
    assert ctl.call("wlan.network", ssid="gone", up=True, rssi=-40)["up"] is True
    assert ctl.call("wlan.network", ssid="cafe", rssi=-90)["rssi"] == -90
    assert ex(raw, "import network\nw = network.WLAN(mode=network.WLAN.STA)\n"
                   "print([(n[0], n[4]) for n in w.scan()])\n"
                   "w.connect('gone', auth=(network.WLAN.WPA2, 'x' * 8), timeout=1000)\nprint(w.isconnected())\n") == (
        "[('home', -55), ('cafe', -90), ('gone', -40)]\r\nTrue\r\n")
    assert ctl.call("wlan")["connected"] == "gone"
    ctl.call("wlan.network", ssid="gone", up=False)  # the access point vanishes
    assert ex(raw, "print(w.isconnected(), [n[0] for n in w.scan()])\n") == "False ['home', 'cafe']\r\n"
    for args, msg in [({"ssid": "nope", "up": True}, "must name a network"), ({"ssid": "home"}, "wants \"up\""),
                      ({"ssid": "home", "up": 1}, "\"up\" must be true or false"),
                      ({"ssid": "home", "rssi": 3}, "\"rssi\" must be an integer")]:
        with pytest.raises(ControlError, match=re.escape(msg)):
            ctl.call("wlan.network", **args)
    ctl.close()


def test_irq_handler_and_wake_from_sleep(make_board, tmp_path):
    board, raw, ctl = start_wlan_board(make_board, tmp_path, "--control", "127.0.0.1:0")
    # a handler on every WLAN event while running (wake=IDLE)
    assert ex(raw, """
import network, machine
w = network.WLAN(mode=network.WLAN.STA)
print(w.mac() == machine.unique_id(), w.ssid() == 'wipy-wlan-' + w.mac()[4:].hex())
events = []
i = w.irq(trigger=network.WLAN.ANY_EVENT, handler=lambda wl: events.append(wl is w))
w.connect('home', auth=(network.WLAN.WPA2, 'secret-key'), timeout=1000)
machine.idle()
print(events)
try:
    w.irq(trigger=network.WLAN.ANY_EVENT, wake=machine.DEEPSLEEP)
except ValueError as e:
    print(e)
""") == "True True\r\n[True]\r\nWLAN wakes the board from machine.IDLE or machine.SLEEP only\r\n"
    # asleep with wake=SLEEP: the access point going down wakes the board and runs the handler
    raw.io.write(b"i = w.irq(trigger=network.WLAN.ANY_EVENT, wake=machine.SLEEP, handler=lambda wl: print('woken'))\r\n"
                 b"print('sleeping')\r\nmachine.sleep()\r\nprint(machine.wake_reason() == machine.WLAN_WAKE, w.isconnected())\r\n\x04")
    assert raw.io.read_exact(2) == b"OK"
    raw.io.read_until(b"sleeping\r\n")
    ctl.call("wlan.network", ssid="home", up=False)
    assert raw.io.read_until(b"\x04") == b"woken\r\nTrue False\r\n\x04"
    ctl.close()
