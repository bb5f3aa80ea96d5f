import hashlib

import boto3
from botocore.stub import Stubber
from fastapi import FastAPI, Request, Response
from fastapi.testclient import TestClient

app = FastAPI()
CATALOG = b'{"sectors": ["fintech", "health"]}'


@app.get("/api/v2/sectors")
def sectors(request: Request) -> Response:
    etag = '"' + hashlib.sha256(CATALOG).hexdigest()[:16] + '"'
    headers = {  # browsers keep it 60 s, CloudFront (a shared cache) 1 h
        "Cache-Control": "public, max-age=60, s-maxage=3600",
        "ETag": etag,
    }
    if request.headers.get("If-None-Match") == etag:
        return Response(status_code=304, headers=headers)  # no body
    return Response(CATALOG, media_type="application/json", headers=headers)


client = TestClient(app)
first = client.get("/api/v2/sectors")
print(first.status_code, first.headers["Cache-Control"])
#> 200 public, max-age=60, s-maxage=3600
again = client.get("/api/v2/sectors",
                   headers={"If-None-Match": first.headers["ETag"]})
print(again.status_code, len(again.content))
#> 304 0

# after a deploy that changes the data: evict it from CloudFront's edges
cloudfront = boto3.client("cloudfront", region_name="us-east-1",
                          aws_access_key_id="demo",
                          aws_secret_access_key="demo")
batch = {"Paths": {"Quantity": 1, "Items": ["/api/v2/sectors"]},
         "CallerReference": "deploy-2026-07-01"}
with Stubber(cloudfront) as aws:  # offline: records the call, no network
    aws.add_response("create_invalidation", {"Invalidation": {
        "Id": "I1", "Status": "InProgress", "CreateTime": "2026-07-01",
        "InvalidationBatch": batch}},
        {"DistributionId": "E123", "InvalidationBatch": batch})
    reply = cloudfront.create_invalidation(DistributionId="E123",
                                           InvalidationBatch=batch)
print(reply["Invalidation"]["Status"])
#> InProgress
