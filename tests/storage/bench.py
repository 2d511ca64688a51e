#!/usr/bin/python3
"""Storage benchmark: our FAT code (fattool putdir/getdir) against mtools (mcopy) doing the same
work on the same kind of SD image (a 64 MiB FAT16 and a 64 MiB FAT32 made by mkfs.fat): write a
1 MiB file, then 200 small files, and read everything back. Each figure is the median of 5 runs,
process start included for both. Results are checked byte for byte.
Usage: bench.py FATTOOL WORKDIR"""
import filecmp, os, random, shutil, statistics, subprocess, sys, time

fattool, work = sys.argv[1], sys.argv[2]
env = dict(os.environ, MTOOLS_SKIP_CHECK="1", LC_ALL="C.UTF-8")
shutil.rmtree(work, ignore_errors=True)
big, small = os.path.join(work, "big"), os.path.join(work, "small")
os.makedirs(big)
os.makedirs(small)
rnd = random.Random(1)
open(os.path.join(big, "one MiB file.bin"), "wb").write(rnd.randbytes(1 << 20))
for i in range(200):
    open(os.path.join(small, f"small file {i:03d}.txt"), "wb").write(rnd.randbytes(rnd.randrange(100, 4000)))


def run(cmd):
    t = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - t


def fresh(img, bits):
    if os.path.exists(img):
        os.remove(img)
    subprocess.run(["mkfs.fat", "-F", str(bits), "-C", img, str(64 * 1024)], check=True,
                   stdout=subprocess.DEVNULL, env=env)


def same(a, b):
    m = filecmp.dircmp(a, b)
    return not m.left_only and not m.right_only and not filecmp.cmpfiles(a, b, m.common, shallow=False)[1]


def out_dirs():
    """The host folders the read-back goes to: the same paths for both tools, because creating 200
    files costs the host file system (ext4 inode allocation) more than the FAT work, and that cost
    depends on the folder's history; with different folders it decided the comparison."""
    return os.path.join(work, "out_big"), os.path.join(work, "out_small")


def ours(img, bits):
    fresh(img, bits)
    subprocess.run([fattool, img, "mkdir", "small"], check=True)
    t = {"write 1 MiB": run([fattool, img, "putdir", big, ""]),
         "write 200 files": run([fattool, img, "putdir", small, "small"])}
    ob, osm = out_dirs()
    for d in (ob, osm):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    t["read 1 MiB"] = run([fattool, img, "getdir", "", ob])
    t["read 200 files"] = run([fattool, img, "getdir", "small", osm])
    assert same(big, ob) and same(small, osm), "ours: read-back differs"
    return t


def mtools(img, bits):
    fresh(img, bits)
    subprocess.run(["mmd", "-i", img, "::/small"], check=True, env=env)
    smalls = sorted(os.path.join(small, f) for f in os.listdir(small))
    t = {"write 1 MiB": run(["mcopy", "-i", img, os.path.join(big, "one MiB file.bin"), "::/"]),
         "write 200 files": run(["mcopy", "-i", img, *smalls, "::/small/"])}
    ob, osm = out_dirs()
    for d in (ob, osm):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    t["read 1 MiB"] = run(["mcopy", "-n", "-i", img, "::/one MiB file.bin", ob])
    t["read 200 files"] = run(["mcopy", "-n", "-i", img, "::/small/*", osm])
    assert same(big, ob) and same(small, osm), "mtools: read-back differs"
    return t


print(f"{'image':8} {'task':16} {'ours ms':>9} {'mcopy ms':>9} {'ratio':>6}")
for bits in (16, 32):
    img = os.path.join(work, f"sd{bits}.img")
    res = {"ours": [], "mcopy": []}
    for _ in range(5):
        res["ours"].append(ours(img, bits))
        res["mcopy"].append(mtools(img, bits))
    for task in res["ours"][0]:
        a = statistics.median(r[task] for r in res["ours"]) * 1000
        b = statistics.median(r[task] for r in res["mcopy"]) * 1000
        print(f"FAT{bits:<5} {task:16} {a:9.1f} {b:9.1f} {b / a:5.1f}x")
print("(ratio > 1: ours faster)")
