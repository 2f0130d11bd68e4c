# stdin: _guesses.txt
secret = 37
tries = 0
while True:
    try:
        guess = int(input("guess: "))
    except EOFError:
        print("no more input")
        break
    except ValueError:
        print("not a number")
        continue
    tries += 1
    if guess < secret:
        print("higher")
    elif guess > secret:
        print("lower")
    else:
        print("got it in", tries)
        break
