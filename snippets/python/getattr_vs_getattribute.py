class Settings:
    def __init__(self):
        self.debug = True

    def __getattr__(self, name):  # only when normal lookup fails
        if name.startswith("feature_"):
            return False  # unknown feature flags default to off
        raise AttributeError(name)


settings = Settings()
print(settings.debug, settings.feature_search)  # found / fallback
#> True False


class Audited:
    def __init__(self):
        self.reads = []
        self.name = "nova"

    def __getattribute__(self, name):  # on every access, even self.reads
        if name != "reads":
            super().__getattribute__("reads").append(name)
        return super().__getattribute__(name)  # never self.<attr> here


item = Audited()
first, second = item.name, item.name
print(item.reads)
#> ['name', 'name']
print(getattr(settings, "missing_value", "default"))  # the builtin
#> default
