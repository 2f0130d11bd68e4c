inventory = {"apples": 10, "pears": 0, "plums": 25}
prices = {"apples": 0.5, "pears": 0.75, "plums": 0.2}

def restock(item, amount):
    inventory[item] = inventory.get(item, 0) + amount

def total_value():
    return sum(inventory[k] * prices.get(k, 0) for k in inventory)

restock("pears", 12)
restock("kiwis", 5)
print(inventory)
print("value: %.2f" % total_value())
out_of_stock = [k for k, v in inventory.items() if v == 0]
print(out_of_stock)
for item, count in sorted(inventory.items()):
    print(f"{item:<8}{count:>4}{prices.get(item, 0):>7.2f}")
