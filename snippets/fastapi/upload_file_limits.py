from fastapi import FastAPI, HTTPException, UploadFile
from fastapi.testclient import TestClient

app = FastAPI()


@app.post("/imports", max_body_size=1024 * 1024)  # else 413
async def import_csv(file: UploadFile) -> dict[str, str | int]:
    if file.content_type != "text/csv":
        raise HTTPException(415, "Send a text/csv file.")
    lines = 0
    while chunk := await file.read(64 * 1024):  # 64 KB at a time
        lines += chunk.count(b"\n")
    return {"name": file.filename, "lines": lines}


client = TestClient(app)
csv = b"name,sector\n" + b"acme,fintech\n" * 5_000  # about 65 KB
uploads = [
    ("startups.csv", csv, "text/csv"),
    ("logo.png", b"\x89PNG", "image/png"),
    ("huge.csv", csv * 20, "text/csv"),  # about 1.3 MB
]
for name, content, kind in uploads:
    upload = {"file": (name, content, kind)}
    response = client.post("/imports", files=upload)
    print(response.status_code, response.text)
    #> 200 {"name":"startups.csv","lines":5001}
    #> 415 {"detail":"Send a text/csv file."}
    #> 413 Content Too Large
