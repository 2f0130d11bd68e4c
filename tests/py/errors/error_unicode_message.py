raise ValueError("中文消息 ünïcödé")
