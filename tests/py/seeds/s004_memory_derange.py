# rcpy-only: psutil is rcpy's own module here; memory numbers are machine-dependent
# Seed 004's second memory snippet, typed as the seed has it: `derange` is
# a typo in the seed, so the script stops with a NameError that suggests
# 'range'.
# sub: used: [0-9.]+ MB => used: N MB

def func():
    show_memory_info('initial')
    a = [i for i in derange(10000000)]
    show_memory_info('after a created')
    return a

import os
import psutil

def show_memory_info(hint):
    pid = os.getpid()
    p = psutil.Process(pid)

    info = p.memory_full_info()
    memory = info.uss / 1024. / 1024
    print('{} memory used: {} MB'.format(hint, memory))

a = func()
show_memory_info('finished')
