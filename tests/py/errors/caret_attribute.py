class Config:
    name = "cfg"

cfg = Config()
print(cfg.name)
print(cfg.missing_attribute)
