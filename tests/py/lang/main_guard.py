def main():
    print("main() called")

if __name__ == "__main__":
    main()
import _helper_mod
print(_helper_mod.__name__ == "__main__")
