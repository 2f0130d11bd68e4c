# psutil.virtual_memory(): the system's memory in `free`'s terms.
from _ps import psutil

vm = psutil.virtual_memory()
print(type(vm).__name__, vm._fields)
print(vm.total > 0, 0 <= vm.available <= vm.total, 0 <= vm.percent <= 100)
print(vm.used + vm.free <= vm.total, vm.free <= vm.available)
print(round((vm.total - vm.available) / vm.total * 100, 1) == vm.percent)
print(all(isinstance(x, int) for x in vm if x is not vm.percent), isinstance(vm.percent, float))
