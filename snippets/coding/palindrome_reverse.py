# --8<-- [start:show]
def reverse(text: str) -> str:
    return text[::-1]  # a slice with step -1: O(n) time, new string


def is_palindrome(text: str) -> bool:
    """Two pointers; skip non-alphanumerics, ignore case."""
    left, right = 0, len(text) - 1
    while left < right:
        if not text[left].isalnum():
            left += 1
        elif not text[right].isalnum():
            right -= 1
        elif text[left].lower() != text[right].lower():
            return False
        else:
            left, right = left + 1, right - 1
    return True


print(reverse("FastAPI"), repr(reverse("")))
#> IPAtsaF ''
# --8<-- [end:show]
cases = {"": True, "a": True, "Racecar": True, "ab": False,
         "A man, a plan, a canal: Panama": True, "No lemon, no melon!": True,
         "0P": False}
for text, expected in cases.items():
    assert is_palindrome(text) == expected, text
    cleaned = [c.lower() for c in text if c.isalnum()]
    assert (cleaned == cleaned[::-1]) == expected  # the short O(n)-space way
    print(repr(text), is_palindrome(text))
    #> '' True
    #> 'a' True
    #> 'Racecar' True
    #> 'ab' False
    #> 'A man, a plan, a canal: Panama' True
    #> 'No lemon, no melon!' True
    #> '0P' False
