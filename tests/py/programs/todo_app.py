class Todo:
    _next_id = 1

    def __init__(self, title):
        self.id = Todo._next_id
        Todo._next_id += 1
        self.title = title
        self.done = False

    def __repr__(self):
        return "[%s] %d %s" % ("x" if self.done else " ", self.id, self.title)

class TodoList:
    def __init__(self):
        self.items = {}

    def add(self, title):
        t = Todo(title)
        self.items[t.id] = t
        return t

    def complete(self, tid):
        try:
            self.items[tid].done = True
        except KeyError:
            raise LookupError("no todo %d" % tid) from None

    def pending(self):
        return [t for t in self.items.values() if not t.done]

todos = TodoList()
for title in ["write tests", "fix bug", "release"]:
    todos.add(title)
todos.complete(2)
for t in todos.items.values():
    print(t)
print(todos.pending())
try:
    todos.complete(9)
except LookupError as e:
    print(e, e.__suppress_context__)
