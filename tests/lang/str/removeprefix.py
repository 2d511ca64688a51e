print('TestHook'.removeprefix('Test'), 'BaseTestCase'.removeprefix('Test'), 'abc'.removeprefix(''))
print('MiscTests'.removesuffix('Tests'), 'TmpDirMixin'.removesuffix('Tests'), 'abc'.removesuffix('abc'))
