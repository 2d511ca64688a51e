# asyncio over sockets: start_server on a free loopback port, open_connection, an echo of lines
# in both directions, several clients, the server closed again
import asyncio


async def handle(r, w):
    while True:
        line = await r.readline()
        if not line:
            break
        w.write(b"echo:" + line)
        await w.drain()
    w.close()
    await w.wait_closed()


async def client(port, name, n):
    r, w = await asyncio.open_connection("127.0.0.1", port)
    got = []
    for i in range(n):
        w.write(b"%s %d\n" % (name, i))
        await w.drain()
        got.append(await r.readline())
    w.close()
    await w.wait_closed()
    return got


async def main():
    srv = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = srv.sockets[0].getsockname()[1]
    print(port > 0)
    for got in await asyncio.gather(client(port, b"a", 3), client(port, b"b", 2)):
        print(got)
    srv.close()
    await srv.wait_closed()
    print("server closed", srv.task.done())


asyncio.run(main())
