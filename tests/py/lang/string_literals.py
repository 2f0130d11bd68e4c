print('single', "double", '''triple
quoted''', """also
triple""")
print('tab\there', 'newline\\n escaped', "quote\"inside", 'it\'s')
print(r'raw\n', R"raw\t")
print('con' 'cat' "enation")
print('\x41\u00e9\U0001F600', '\101')
print(len('\n'), len(r'\n'))
print("unicode: 中文 ünïcödé")
