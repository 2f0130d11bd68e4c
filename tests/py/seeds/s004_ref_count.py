# Seed 004's ref_count(), with 'ABC' and 783 made at run time: counts of
# constants are CPython internals (3.11.2 and 3.11.7 print different ones),
# while these follow only the rules the seed teaches.
import sys

def ref_method(str):
    print(sys.getrefcount(str))
    print("我调用了{}".format(str))
    print('方法执行完了')

def ref_count():
    # 引用计数增加的场景
    print('测试引用计数增加')
    a = ''.join(['A', 'B', 'C'])
    print(sys.getrefcount(a))
    b = a
    print(sys.getrefcount(a))
    ref_method(a)
    print(sys.getrefcount(a))
    c = [1, a, 'abc']
    print(sys.getrefcount(a))

    # 引用计数减少的场景
    print('测试引用计数减少')
    del b
    print(sys.getrefcount(a))
    c.remove(a)
    print(sys.getrefcount(a))
    del c
    print(sys.getrefcount(a))
    a = int('783')
    print(sys.getrefcount(a))

if __name__ == '__main__':
    ref_count()
