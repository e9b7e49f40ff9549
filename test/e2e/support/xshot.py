"""Saves the X display's root window as a PNG (argv[1]): a screenshot of Firefox's own DevTools, which no browser
automation can capture. Python's standard library and libX11 only (ImageMagick's `import` is not always there)."""
import ctypes, sys, zlib, struct
x = ctypes.cdll.LoadLibrary('libX11.so.6')
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XDefaultRootWindow.restype = ctypes.c_ulong
x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
class XImage(ctypes.Structure):
    _fields_ = [('width', ctypes.c_int), ('height', ctypes.c_int), ('xoffset', ctypes.c_int), ('format', ctypes.c_int), ('data', ctypes.POINTER(ctypes.c_ubyte)), ('byte_order', ctypes.c_int), ('bitmap_unit', ctypes.c_int), ('bitmap_bit_order', ctypes.c_int), ('bitmap_pad', ctypes.c_int), ('depth', ctypes.c_int), ('bytes_per_line', ctypes.c_int), ('bits_per_pixel', ctypes.c_int)]
x.XGetImage.restype = ctypes.POINTER(XImage)
x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
class XWA(ctypes.Structure):
    _fields_ = [('x', ctypes.c_int), ('y', ctypes.c_int), ('width', ctypes.c_int), ('height', ctypes.c_int)] + [('pad%d' % i, ctypes.c_long) for i in range(30)]
d = x.XOpenDisplay(None)
root = x.XDefaultRootWindow(d)
wa = XWA(); x.XGetWindowAttributes(ctypes.c_void_p(d), ctypes.c_ulong(root), ctypes.byref(wa))
w, h = wa.width, wa.height
img = x.XGetImage(d, root, 0, 0, w, h, 0xFFFFFFFF, 2).contents
bpl = img.bytes_per_line
buf = ctypes.string_at(img.data, bpl * h)
rows = []
for yy in range(h):
    line = buf[yy*bpl: yy*bpl + w*4]
    rgb = bytearray(w*3)
    rgb[0::3] = line[2::4]; rgb[1::3] = line[1::4]; rgb[2::3] = line[0::4]
    rows.append(b'\x00' + bytes(rgb))
def chunk(t, data): return struct.pack('>I', len(data)) + t + data + struct.pack('>I', zlib.crc32(t + data) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(b''.join(rows), 6)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
print(w, h)
