# modules/frozen/asyncio.py: the asyncio module (also `uasyncio`), MicroPython's API, frozen into
# the executable (scripts/freeze.py). One scheduler: a FIFO of ready tasks, a list of sleeping
# tasks sorted by wake-up tick, and the I/O waiters; queues are linked through the tasks
# themselves so scheduling and sleeping allocate nothing. Whatever a task awaits reschedules it.
# Waiting goes through select.poll / time.sleep_ms, i.e. the port layer (the board's event loop).

import select
import sys
from time import ticks_ms as _ticks, ticks_diff as _diff, ticks_add as _add, sleep_ms as _sleep


class CancelledError(BaseException):
    pass


class TimeoutError(Exception):
    pass


_MAX_MS = _add(0, -1) // 2
_ENDS = (CancelledError, Exception)  # what ends a task (made once: the loop allocates nothing)


class _Queue:
    # tasks linked through t._next; t._q is the queue a task is in (None: in none)
    def __init__(self):
        self.head = None
        self.tail = None

    def peek(self):
        return self.head

    def push(self, t):
        t._next = None
        t._q = self
        if self.tail is None:
            self.head = t
        else:
            self.tail._next = t
        self.tail = t

    def pop(self):
        t = self.head
        self.head = t._next
        if self.head is None:
            self.tail = None
        t._next = None
        t._q = None
        return t

    def remove(self, t):
        prev = None
        cur = self.head
        while cur is not None:
            if cur is t:
                if prev is None:
                    self.head = t._next
                else:
                    prev._next = t._next
                if self.tail is t:
                    self.tail = prev
                t._next = None
                t._q = None
                return
            prev = cur
            cur = cur._next


class _Timers(_Queue):
    # sorted by t._key (ticks); equal keys keep their arrival order
    def push_at(self, t, key):
        t._key = key
        t._q = self
        prev = None
        cur = self.head
        while cur is not None and _diff(cur._key, key) <= 0:
            prev = cur
            cur = cur._next
        t._next = cur
        if prev is None:
            self.head = t
        else:
            prev._next = t
        if cur is None:
            self.tail = t


_ready = _Queue()
_timers = _Timers()
cur_task = None
_stop_task = None
_exc_handler = None


def _schedule(t):
    _ready.push(t)


class Task:
    def __init__(self, coro, globals=None):
        self.coro = coro
        self.data = None   # the exception to throw in, the task awaited, or the result
        self.state = True  # True: running; a _Queue of waiters or a callback; None/False: done
        self._next = None
        self._q = None
        self._key = 0

    def __iter__(self):
        if not self.state:
            self.state = False  # the outcome is retrieved
            if isinstance(self.data, BaseException) and not isinstance(self.data, StopIteration):
                raise self.data
            return self.data
        if self.state is True:
            self.state = _Queue()
        elif not isinstance(self.state, _Queue):
            raise RuntimeError("can't wait")
        self.state.push(cur_task)
        cur_task.data = self
        yield
        return self._outcome()

    def _outcome(self):
        self.state = False
        d = self.data
        if isinstance(d, BaseException):
            raise d
        return d

    def __await__(self):
        return self.__iter__()

    def __next__(self):
        raise TypeError("can't iterate a Task")

    def done(self):
        return not self.state

    def cancel(self):
        if self.done():
            return False
        if self is cur_task:
            raise RuntimeError("can't cancel self")
        t = self
        while isinstance(t.data, Task):
            t = t.data  # cancel what it waits on: that wakes it with the CancelledError
        q = t._q
        if q is not None and q is not _ready:
            q.remove(t)
            _ready.push(t)
        t.data = CancelledError
        return True

    def __repr__(self):
        return "<Task>"


def _finish(t, er):
    # the coroutine of t ended with er (StopIteration: returned)
    if isinstance(er, StopIteration):
        t.data = er.args[0] if er.args else None
    else:
        t.data = er
    s = t.state
    t.state = None
    if isinstance(s, _Queue):
        woke = s.head is not None
        while s.head is not None:
            w = s.pop()
            w.data = None
            _ready.push(w)
        if woke:
            t.state = False
    elif s is not True:
        s(t, er)  # a callback (gather)
        t.state = False
    if t.state is None and not isinstance(er, (StopIteration, CancelledError)):
        _ready.push(t)  # comes round once more: reported unless awaited meanwhile


def current_task():
    if cur_task is None:
        raise RuntimeError("no running event loop")
    return cur_task


def create_task(coro):
    if not hasattr(coro, "send"):
        raise TypeError("coroutine expected")
    t = Task(coro)
    _ready.push(t)
    return t


_STOP = StopIteration()  # raised again and again: ending a sleep allocates nothing


class _SleepMs:
    # the awaitable that sleep_ms returns: a new one per call, so sleeps made before they are
    # awaited keep their own length (create_task(sleep(1)), gather(sleep(1), sleep(2)),
    # wait_for(sleep(10), 1)); with the heap locked, the one shared _sleeper (allocates nothing)
    def __init__(self, ms=None):
        self.ms = ms

    def __iter__(self):
        return self

    def __next__(self):
        if self.ms is None:
            raise _STOP
        ms = self.ms
        self.ms = None
        t = cur_task
        if ms <= 0:
            _ready.push(t)
        else:
            _timers.push_at(t, _add(_ticks(), ms))
        return None

    def send(self, v):
        return self.__next__()

    def throw(self, e, *a):
        self.ms = None
        raise e


_sleeper = _SleepMs()


def sleep_ms(t, sgen=_sleeper):
    if t > _MAX_MS:
        raise OverflowError("ticks interval overflow")
    t = t if t > 0 else 0
    try:
        return _SleepMs(t)
    except MemoryError:  # the heap is locked (or full): the shared one, awaited at once
        sgen.ms = t
        return sgen


def sleep(t):
    return sleep_ms(t * 1000)


# ---- I/O: objects with fileno() (or an int) wait in select.poll; others are asked with
# ioctl(3 (poll), mask) each round, and objects with neither count as always ready ----

_POLLIN = 1
_POLLOUT = 4


class _IOQueue:
    def __init__(self):
        self.poller = select.poll()
        self.map = {}  # id(s) -> [s, reader task, writer task, polled by fd]

    def _enqueue(self, s, idx):
        k = id(s)
        e = self.map.get(k)
        if e is None:
            byfd = isinstance(s, int) or hasattr(s, "fileno")
            e = [s, None, None, byfd]
            self.map[k] = e
        if e[idx] is not None:
            raise RuntimeError("already waiting")
        e[idx] = cur_task
        cur_task.data = self
        cur_task._q = self
        if e[3]:
            self.poller.register(s, (_POLLIN if e[1] is not None else 0) | (_POLLOUT if e[2] is not None else 0))

    def queue_read(self, s):
        self._enqueue(s, 1)

    def queue_write(self, s):
        self._enqueue(s, 2)

    def remove(self, task):
        for k in list(self.map):
            e = self.map[k]
            if e[1] is task:
                e[1] = None
            if e[2] is task:
                e[2] = None
            self._update(k, e)
        task._q = None

    def _update(self, k, e):
        if e[1] is None and e[2] is None:
            del self.map[k]
            if e[3]:
                self.poller.unregister(e[0])
        elif e[3]:
            self.poller.modify(e[0], (_POLLIN if e[1] is not None else 0) | (_POLLOUT if e[2] is not None else 0))

    def _wake(self, k, e, ev):
        for idx, bit in ((1, _POLLIN), (2, _POLLOUT)):
            t = e[idx]
            if t is not None and ev & (bit | 8 | 16 | 32):
                e[idx] = None
                t._q = None
                t.data = None
                _ready.push(t)
        self._update(k, e)

    def wait(self, dt):
        # dt: ms to wait at most (-1: until something happens); wakes the ready ones
        byfd = False
        asked = False
        if self.map:
            for k in list(self.map):
                e = self.map[k]
                if e[3]:
                    byfd = True
                    continue
                s = e[0]
                mask = (_POLLIN if e[1] is not None else 0) | (_POLLOUT if e[2] is not None else 0)
                ev = s.ioctl(3, mask) if hasattr(s, "ioctl") else mask
                if ev:
                    self._wake(k, e, ev)
                    dt = 0
                else:
                    asked = True
        if asked and (dt < 0 or dt > 10):
            dt = 10  # nothing to block on for these: look again soon
        if byfd:
            for s, ev in self.poller.ipoll(dt):
                k = id(s)
                e = self.map.get(k)
                if e is not None:
                    self._wake(k, e, ev)
        elif dt > 0:
            _sleep(dt)
        elif dt < 0:
            _sleep(1000)  # nothing can wake us but Ctrl-C (or a reset): wait for it


_io = _IOQueue()


# ---- the loop ----

def _wait_ready():
    # sleepers whose time has come join the ready ones, so busy tasks can't starve them
    t = _timers.head
    if t is not None and _diff(t._key, _ticks()) <= 0:
        now = _ticks()
        while _timers.head is not None and _diff(_timers.head._key, now) <= 0:
            _ready.push(_timers.pop())
    while _ready.head is None:
        t = _timers.head
        if t is None:
            dt = -1
        else:
            dt = _diff(t._key, _ticks())
            if dt <= 0:
                _ready.push(_timers.pop())
                continue
        if dt != 0 or _io.map:
            _io.wait(dt)


def run_until_complete(main_task=None):
    global cur_task
    while True:
        _wait_ready()
        t = _ready.pop()
        if not t.state:
            # a task that ended with an exception nobody has retrieved (yet)
            if t.state is None:
                t.state = False
                Loop.call_exception_handler({"message": "Task exception wasn't retrieved",
                                             "future": t, "exception": t.data})
            continue
        cur_task = t
        try:
            exc = t.data
            if exc is None or isinstance(exc, Task) or exc is _io:
                t.data = None
                t.coro.send(None)
            else:
                t.data = None
                t.coro.throw(exc)
        except _ENDS as er:
            cur_task = None
            _finish(t, er)
            if t is main_task:
                if t.state is None:
                    t.state = False
                if isinstance(er, StopIteration):
                    return t.data
                raise er
        cur_task = None


def run(coro):
    return run_until_complete(create_task(coro))


async def _stopper():
    pass


class Loop:
    _exc_handler = None

    def create_task(coro):
        return create_task(coro)

    def run_forever():
        global _stop_task
        _stop_task = Task(_stopper())
        run_until_complete(_stop_task)

    def run_until_complete(aw):
        return run_until_complete(_ensure_task(aw))

    def stop():
        global _stop_task
        if _stop_task is not None:
            _ready.push(_stop_task)
            _stop_task = None

    def close():
        pass

    def set_exception_handler(handler):
        Loop._exc_handler = handler

    def get_exception_handler():
        return Loop._exc_handler

    def default_exception_handler(loop, context):
        print(context["message"], file=sys.stderr)
        print("future:", context["future"], "coro=", context["future"].coro, file=sys.stderr)
        sys.print_exception(context["exception"], sys.stderr)

    def call_exception_handler(context):
        (Loop._exc_handler or Loop.default_exception_handler)(Loop, context)


def get_event_loop(runq_len=0, waitq_len=0):
    return Loop


def new_event_loop():
    global _ready, _timers, _io, cur_task, _stop_task
    _ready = _Queue()
    _timers = _Timers()
    _io = _IOQueue()
    cur_task = None
    _stop_task = None
    return Loop


def set_event_loop(loop):
    pass


def _ensure_task(aw):
    if isinstance(aw, Task):
        return aw
    return create_task(aw)


# ---- helpers: wait_for, gather ----

async def _runner(waiter, aw, box):
    # awaits aw for wait_for; box: [outcome (None: pending, True: returned, False: the
    # waiter gave up, else the exception), result]; wakes the sleeping waiter
    try:
        box[1] = await aw
        s = True
    except BaseException as er:
        s = er
    if box[0] is None:
        box[0] = s
        waiter.cancel()


async def wait_for(aw, timeout, sleep=sleep):
    aw = _ensure_task(aw)
    if timeout is None:
        return await aw
    box = [None, None]
    r = create_task(_runner(cur_task, aw, box))
    try:
        await sleep(timeout)
    except CancelledError as er:
        s = box[0]
        if s is True:
            return box[1]
        if s is None:
            box[0] = False
            r.cancel()  # cancelled from outside: so is aw
            raise er
        raise s
    box[0] = False
    r.cancel()
    try:
        await r
    except CancelledError:
        pass
    raise TimeoutError


def wait_for_ms(aw, timeout):
    return wait_for(aw, timeout, sleep_ms)


class _Gather:
    # collects the outcomes of tasks; wakes the gathering task when all are in (or one failed)
    def __init__(self, tasks, return_exceptions):
        self.tasks = tasks
        self.left = 0
        self.ret_exc = return_exceptions
        self.waiter = None
        self.error = None
        self.cb = self.done  # one bound method, so tasks can be recognised by `is`

    def done(self, t, er):
        self.left -= 1
        if not isinstance(er, StopIteration) and not self.ret_exc and self.error is None:
            self.error = er
        elif self.left > 0:
            return
        w = self.waiter
        if w is not None and w._q is self:
            self.waiter = None
            w._q = None
            w.data = None
            _ready.push(w)

    def remove(self, t):
        # the gathering task is cancelled: it cancels the tasks when the error reaches it
        self.waiter = None
        t._q = None

    def cancel_all(self):
        for c in self.tasks:
            if not c.done() and c.state is self.cb:
                c.state = True
                c.cancel()


async def gather(*aws, return_exceptions=False):
    tasks = [_ensure_task(a) for a in aws]
    if not return_exceptions:
        for t in tasks:
            if t.done() and isinstance(t.data, BaseException):
                t.state = False
                raise t.data  # one already failed: no waiting for the others
    g = _Gather(tasks, return_exceptions)
    for t in tasks:
        if t.state is True:
            t.state = g.cb
            g.left += 1
        elif not t.done():
            raise RuntimeError("can't gather")
    if g.left:
        g.waiter = cur_task
        cur_task._q = g
        cur_task.data = None
        try:
            yield
        except CancelledError as er:
            g.cancel_all()
            raise er
        if g.error is not None:
            for t in tasks:
                if t.state is g.cb:
                    t.state = True
            raise g.error
    res = []
    for t in tasks:
        t.state = False
        d = t.data
        if isinstance(d, BaseException) and not return_exceptions:
            raise d
        res.append(d)
    return res


# ---- synchronisation ----

class Event:
    def __init__(self):
        self.state = False
        self.waiting = _Queue()

    def is_set(self):
        return self.state

    def set(self):
        while self.waiting.head is not None:
            t = self.waiting.pop()
            t.data = None
            _ready.push(t)
        self.state = True

    def clear(self):
        self.state = False

    async def wait(self):
        if not self.state:
            self.waiting.push(cur_task)
            cur_task.data = None
            yield
        return True


class ThreadSafeFlag:
    # set() may come from an interrupt handler: it only raises the flag; the loop polls it
    def __init__(self):
        self.state = 0

    def ioctl(self, req, flags):
        if req == 3:
            return self.state * flags
        return -1

    def set(self):
        self.state = 1

    def clear(self):
        self.state = 0

    async def wait(self):
        if not self.state:
            yield _io.queue_read(self)
        self.state = 0


class Lock:
    def __init__(self):
        self.state = 0  # 0: free, 1: held, a Task: handed to that waiting task
        self.waiting = _Queue()

    def locked(self):
        return self.state == 1

    def release(self):
        if self.state != 1:
            raise RuntimeError("Lock not acquired")
        if self.waiting.head is not None:
            t = self.waiting.pop()
            self.state = t
            t.data = None
            _ready.push(t)
        else:
            self.state = 0

    async def acquire(self):
        if self.state != 0:
            self.waiting.push(cur_task)
            cur_task.data = None
            try:
                yield
            except CancelledError as e:
                if self.state is cur_task:
                    self.state = 1
                    self.release()
                raise e
        self.state = 1
        return True

    async def __aenter__(self):
        return await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        return self.release()


# ---- streams over any object with read/readinto/readline/write (+ fileno() or ioctl()) ----

class Stream:
    def __init__(self, s, e={}):
        self.s = s
        self.e = e
        self.out_buf = b""

    def get_extra_info(self, v):
        return self.e[v]

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.close()
        await self.wait_closed()

    def close(self):
        pass

    async def wait_closed(self):
        self.s.close()

    async def read(self, n=-1):
        r = b""
        while True:
            yield _io.queue_read(self.s)
            r2 = self.s.read(n)
            if r2 is not None:
                if n >= 0:
                    return r2
                if not len(r2):
                    return r
                r += r2

    async def readinto(self, buf):
        yield _io.queue_read(self.s)
        return self.s.readinto(buf)

    async def readexactly(self, n):
        r = b""
        while n:
            yield _io.queue_read(self.s)
            r2 = self.s.read(n)
            if r2 is not None:
                if not len(r2):
                    raise EOFError
                r += r2
                n -= len(r2)
        return r

    async def readline(self):
        l = b""
        while True:
            yield _io.queue_read(self.s)
            l2 = self.s.readline()
            if l2 is not None:
                l += l2
                if not l2 or l[-1] == 10:
                    return l

    def write(self, buf):
        if not self.out_buf:
            ret = self.s.write(buf)
            if ret == len(buf):
                return
            if ret is not None:
                buf = buf[ret:]
        self.out_buf += buf

    async def drain(self):
        if not self.out_buf:
            return await sleep_ms(0)
        mv = memoryview(self.out_buf)
        off = 0
        while off < len(mv):
            yield _io.queue_write(self.s)
            ret = self.s.write(mv[off:])
            if ret is not None:
                off += ret
        self.out_buf = b""


StreamReader = Stream
StreamWriter = Stream


_EINPROGRESS = 115  # Linux's and the WiPy's errno


async def open_connection(host, port, ssl=None, server_hostname=None):
    import socket
    ai = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]
    s = socket.socket(ai[0], ai[1], ai[2])
    s.setblocking(False)
    try:
        s.connect(ai[-1])
    except OSError as er:
        if er.args[0] != _EINPROGRESS:
            raise er
    if ssl:  # TLS over the connecting socket: the handshake runs as the stream is used
        if ssl is True:
            import ssl as _ssl
            ssl = _ssl.SSLContext(_ssl.PROTOCOL_TLS_CLIENT)
        s = ssl.wrap_socket(s, server_hostname=server_hostname or host, do_handshake_on_connect=False)
        s.setblocking(False)
    yield _io.queue_write(s)
    ss = Stream(s)
    return ss, ss


class Server:
    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.close()
        await self.wait_closed()

    def close(self):
        self.closed = True
        self.task.cancel()

    async def wait_closed(self):
        await self.task

    async def _serve(self, s, cb, ssl):
        while True:
            try:
                yield _io.queue_read(s)
            except CancelledError as er:
                s.close()
                if self.closed:
                    return  # close(): the server ends, and wait_closed() returns
                raise er  # a cancelled parent: the cancellation goes on
            try:
                s2, addr = s.accept()
            except OSError:
                continue
            if ssl:
                try:
                    s2 = ssl.wrap_socket(s2, server_side=True, do_handshake_on_connect=False)
                except OSError as er:
                    sys.print_exception(er)
                    s2.close()
                    continue
            s2.setblocking(False)
            s2s = Stream(s2, {"peername": addr})
            create_task(cb(s2s, s2s))


async def start_server(cb, host, port, backlog=5, ssl=None):
    import socket
    ai = socket.getaddrinfo(host, port)[0]
    s = socket.socket()
    s.setblocking(False)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(ai[-1])
    s.listen(backlog)
    srv = Server()
    srv.closed = False
    srv.sockets = [s]  # as CPython's Server.sockets (getsockname() tells a port 0's number)
    srv.task = create_task(srv._serve(s, cb, ssl))
    try:
        await sleep_ms(0)  # _serve starts, so that a cancel reaches its handler
    except CancelledError as er:
        srv.task.cancel()  # cancelled in that sleep: don't leave the server behind
        raise er
    return srv
