from urllib.parse import parse_qs, urlsplit

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config

# signing is local math with the credentials: S3 is not contacted here
s3 = boto3.client("s3", region_name="eu-west-1",
                  aws_access_key_id="AKIDEXAMPLE",
                  aws_secret_access_key="demo-secret",
                  config=Config(signature_version="s3v4"))  # SigV4 URLs

# --8<-- [start:show]
# the API gives this URL to the browser, which PUTs to S3
url = s3.generate_presigned_url(
    "put_object",
    Params={"Bucket": "startups-uploads",
            "Key": "imports/7/report.csv",
            "ContentType": "text/csv"},
    ExpiresIn=900,  # 15 minutes; SigV4 allows at most 7 days
)
parts = urlsplit(url)
query = parse_qs(parts.query)
print(parts.path)  # virtual-hosted: the bucket is in the host name
#> /imports/7/report.csv
print(query["X-Amz-Algorithm"][0], query["X-Amz-Expires"][0])
#> AWS4-HMAC-SHA256 900
print("signed:", len(query["X-Amz-Signature"][0]) == 64)
#> signed: True
# --8<-- [end:show]

# a presigned POST can also cap the size the browser may send
post = s3.generate_presigned_post(
    "startups-uploads", "imports/7/report.csv",
    Conditions=[["content-length-range", 1, 10_000_000]], ExpiresIn=900)
print(sorted(post["fields"])[:3], "...")
#> ['key', 'policy', 'x-amz-algorithm'] ...

# server-side uploads: boto3 switches to multipart above this threshold
config = TransferConfig()
print("multipart above", config.multipart_threshold // 2**20, "MiB, in",
      config.multipart_chunksize // 2**20, "MiB parts")
#> multipart above 8 MiB, in 8 MiB parts
