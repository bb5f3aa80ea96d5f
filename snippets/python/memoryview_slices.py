packet = bytearray(b"HDR1" + b"payload-bytes")

view = memoryview(packet)
header, body = view[:4], view[4:]  # slices of a view: no bytes copied
print(bytes(header), body.nbytes, body.obj is packet)
#> b'HDR1' 13 True

header[3] = ord("2")  # writes through to the original buffer
print(packet[:4])
#> bytearray(b'HDR2')

copied = packet[4:]  # slicing the bytearray itself makes a copy
copied[0] = ord("P")
print(packet[4:11], copied[:7])
#> bytearray(b'payload') bytearray(b'Payload')
print(view.readonly, memoryview(b"abc").readonly)  # bytes: read-only
#> False True
