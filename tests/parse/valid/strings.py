# String literals, escapes, concatenation and f-strings.
s = 'single' "double" '''triple''' """triple2"""
s = r'raw\n' R"raw" u'unicode' U"U"
s = 'a\nb\tc\\d\'e\"f\x41\u00e9\U0001F600\101\0\7\a\b\f\v\r'
s = 'line\
continued'
s = """multi
line
string"""
s = 'implicit' 'concatenation' \
    'across lines'
s = ('in'
     'parens')
s = 'unknown \q escape'
s = 'é ñ 中文 😀'
s = f'{x}'
s = f'{x!r}'
s = f'{x!s:>10}'
s = f'{x!a}'
s = f'{x:{width}.{precision}f}'
s = f'{x=}'
s = f'{x = }'
s = f'{x=!s}'
s = f'{x=:>5}'
s = f'{{literal}} {x}'
s = f'{x}' 'plain' f'{y}'
s = 'plain' f'{y}' u'after'
s = f''
s = f'no fields'
s = rf'{x}\n' fr'{y}\t' Rf'{z}'
s = f'{x["key"]}' f"{y['k']}"
s = f'{x:}'
s = f'''{
x
}'''
s = f"{'nested'}"
s = f'{a}{b}{c}'
s = f'{3.14:.2f} {1+2} {f(x)} {a[0]} {a.b}'
s = f'{(lambda: 1)}'
s = f'{x:{y}}'
s = f'{"a" if x else "b"}'
s = (f'{a}'
     f'{b}')
s = f"""
  {x}
    {y + z}
"""
