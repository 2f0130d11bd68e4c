µ = 1
ℌx = ﬁle
ｘ１ = º
𝐀𝐛 = x𝟗
x = a.µ
import ﬁ.b
from ℌ import ﬁ as ſ
def ﬀ(ª, *µ, **º): global ℌ
