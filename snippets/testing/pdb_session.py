import io
import pdb


def average_price(prices: list[float]) -> float:
    total = sum(prices)
    return total / len(prices)  # crashes on an empty list


typed = ["p prices", "p total", "p len(prices)"]  # you type
screen = io.StringIO()
try:
    average_price([])
except ZeroDivisionError as error:  # what pdb.post_mortem() does
    debugger = pdb.Pdb(stdin=io.StringIO("\n".join(typed + ["q"])),
                       stdout=screen)
    debugger.use_rawinput = False
    debugger.reset()
    debugger.interaction(None, error.__traceback__)  # failing frame

lines = screen.getvalue().splitlines()
answers = [line.removeprefix("(Pdb) ") for line in lines
           if not line.startswith(("> ", "-> "))]  # no banners
for command, answer in zip(typed, answers):
    print(f"(Pdb) {command:<14} {answer}")
    #> (Pdb) p prices       []
    #> (Pdb) p total        0
    #> (Pdb) p len(prices)  0
