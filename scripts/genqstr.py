#!/usr/bin/env python3
"""Generates build/gen/qstrdefs.h and build/gen/moduledefs.h from the sources.

Every token QSTR_<name> in the sources (the name argument of DEFINE_FUN / DEFINE_FUN_KW, and the
names of X(value, NAME) entries in *_list.h headers)
becomes a static qstr whose text is <name>, unless core/qstrdefs.txt maps it to another text
(for strings that are not C identifiers). REGISTER_MODULE(QSTR_x, obj) lines become the table
of built-in modules. The hash must match qstr_compute_hash() in core/qstr.c (FNV-1a, 64-bit,
0 never used; a size_t of it on a 32-bit target)."""
import re
import sys

out_dir, defs_file, sources = sys.argv[1], sys.argv[2], sys.argv[3:]
frozen = []
if "--frozen" in sources:
    frozen = sources[sources.index("--frozen") + 1:]
    sources = sources[:sources.index("--frozen")]
special = {}
for line in open(defs_file, encoding="utf-8"):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    name, text = line.split(None, 1)
    special[name] = eval(text)  # a Python string literal

# macros of core/qstr.h and of the generated header, not names
RESERVED = {"NULL", "NUM_STATIC", "DEFINE_TABLE", "STATIC_INDEX_SIZE", "MAX_LEN"}
names = set(special)
modules = []
tok = re.compile(r"\bQSTR_([A-Za-z0-9_]+)")
fun = re.compile(r"\bDEFINE_FUN(?:_KW)?\(\s*\w+\s*,\s*(\w+)\s*,")
xlist = re.compile(r"\bX\(\s*\d+\s*,\s*(\w+)\s*\)")  # X-macro lists such as core/errno_list.h
mod = re.compile(r"^\s*REGISTER_MODULE\(\s*QSTR_(\w+)\s*,\s*(\w+)\s*\)", re.M)
for path in sources:
    text = open(path, encoding="utf-8", errors="replace").read()
    names.update(n for n in tok.findall(text) if n not in RESERVED and "##" not in n)
    names.update(fun.findall(text))
    if path.endswith("_list.h"):
        names.update(xlist.findall(text))
    if path.endswith(".c"):
        modules.extend(mod.findall(text))


def frozen_strings(path):
    """The strings the compiler interns when it compiles the frozen module at path: every name,
    string constants of at most 10 bytes (core/compile.c's c_str_const), the module's name and
    file name. tools/freeze_code.c checks at build time that none is missing, so a miss here fails
    the build instead of the module."""
    import ast
    import os
    name = os.path.splitext(os.path.basename(path))[0]
    out = {name, name + ".py", ".0"}
    for node in ast.walk(ast.parse(open(path, encoding="utf-8").read(), path)):
        for field in ("id", "attr", "arg", "name", "asname", "module"):
            v = getattr(node, field, None)
            if isinstance(v, str):
                out.add(v)
                out.update(v.split("."))
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            out.update(node.names)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value.encode("utf-8")) <= 10:
            out.add(node.value)
    return out


for path in frozen:
    texts = {special.get(n, n) for n in names}
    for text in sorted(frozen_strings(path) - texts):
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", text) and text not in RESERVED:
            names.add(text)
        else:
            key = "_frozen_" + text.encode("utf-8").hex()
            special[key] = text
            names.add(key)


def fnv1a(data):
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h or 1


def c_string(data):
    out = []
    for b in data:
        c = chr(b)
        if c in '"\\':
            out.append("\\" + c)
        elif 32 <= b < 127:
            out.append(c)
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


# Static qstrs 1..128 are the 128 one-byte ASCII strings in byte order (qstr 1 + c is chr(c)), so
# a character's qstr needs no lookup (core/qstr.h, qstr_of_ascii); a name already standing for
# one of them keeps its name, the others get one here.
by_byte = {}
for n in names:
    t = special.get(n, n).encode("utf-8")
    if len(t) == 1 and t[0] < 0x80:
        by_byte[t[0]] = n
for b in range(128):
    if b not in by_byte:
        c = chr(b)
        n = c if re.fullmatch(r"[A-Za-z0-9_]", c) else "_byte_%02x" % b
        special.setdefault(n, c)
        names.add(n)
        by_byte[b] = n
ordered = [by_byte[b] for b in range(128)]
ordered += sorted(names - set(ordered))
texts = [b""] + [special.get(n, n).encode("utf-8") for n in ordered]
if len(texts) > 65535:
    sys.exit("genqstr: more static qstrs than a 16-bit index holds")
for t in texts:
    if len(t) > 255:
        sys.exit("genqstr: a static qstr longer than QSTR_MAX_LEN (255 bytes): %r" % t[:40])
# The static qstrs in read-only data without one pointer (nor relocation) per name: their texts in
# one blob, each followed by a NUL; qstr q's text starts at qstr_static_offset[q] and its length is
# the distance to the next one, less the NUL; its hash is qstr_static_hash[q].
blob = b"".join(t + b"\0" for t in texts)
off_type = "uint16_t" if len(blob) < 65536 else "uint32_t"
offsets, pos = [], 0
for t in texts:
    offsets.append(pos)
    pos += len(t) + 1
offsets.append(pos)
with open(out_dir + "/qstrdefs.h", "w") as f:
    f.write("/* Generated by scripts/genqstr.py: do not edit. */\n#pragma once\n")
    f.write("enum {\n    QSTR_NULL,\n")
    for n in ordered:
        f.write("    QSTR_%s,\n" % n)
    f.write("    QSTR_NUM_STATIC\n};\n")
    f.write("#ifdef QSTR_DEFINE_TABLE\n")
    # each text and its NUL (the last one's is the literal's own)
    lits = [c_string(t) + ("" if q == len(texts) - 1 else ' "\\0"') for q, t in enumerate(texts)]
    f.write("static const char qstr_static_bytes[] =\n")
    for i in range(0, len(lits), 8):
        f.write("    " + " ".join(lits[i:i + 8]) + ("\n" if i + 8 < len(lits) else ";\n"))
    f.write("static const %s qstr_static_offset[] = {\n" % off_type)
    for i in range(0, len(offsets), 16):
        f.write("    " + ", ".join(str(v) for v in offsets[i:i + 16]) + ",\n")
    f.write("};\n")
    f.write("static const size_t qstr_static_hash[] = {\n")
    for i in range(0, len(texts), 4):
        f.write("    " + ", ".join("(size_t)0x%016xULL" % (fnv1a(t) if i + j else 0) for j, t in enumerate(texts[i:i + 4])) + ",\n")
    f.write("};\n")
    # The open-addressing index of the static qstrs (linear probing on the hash, 0 = empty), in
    # read-only data, so finding a static qstr costs no heap; at most half full.
    size = 64
    while size < 2 * len(texts):
        size *= 2
    index = [0] * size
    for q in range(1, len(texts)):
        i = fnv1a(texts[q]) & (size - 1)
        while index[i]:
            i = (i + 1) & (size - 1)
        index[i] = q
    f.write("#define QSTR_STATIC_INDEX_SIZE %d\n" % size)
    f.write("static const uint16_t qstr_static_index[] = {\n")
    for i in range(0, size, 16):
        f.write("    " + ", ".join(str(v) for v in index[i:i + 16]) + ",\n")
    f.write("};\n#endif\n")
with open(out_dir + "/moduledefs.h", "w") as f:
    f.write("/* Generated by scripts/genqstr.py: do not edit. */\n#pragma once\n")
    for q, obj in sorted(set(modules)):
        f.write("extern const module_obj_t %s;\n" % obj)
    f.write("#define BUILTIN_MODULE_TABLE \\\n")
    for q, obj in sorted(set(modules)):
        f.write("    {QSTR_%s, &%s}, \\\n" % (q, obj))
    f.write("\n")
