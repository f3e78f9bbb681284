"""Translates a SAM template to CloudFormation offline, as `sam deploy` would, and prints the JSON.

Usage: python3 translate_template.py template.yaml
Parameters keep their defaults. The AWS managed policies SAM may attach are named from a fixed map,
so no AWS call is made. Exit status 3 means samtranslator is not installed (the caller skips);
any other failure is a real error.
"""
import json
import os
import sys

# SAM reads the region from a boto3 session to fill AWS::Region and AWS::Partition; nothing is called.
os.environ["AWS_DEFAULT_REGION"] = "us-east-1"

try:
    from samtranslator.translator.transform import transform
    from samtranslator.yaml_helper import yaml_parse
except ImportError as missing:  # the Java test turns this into a skipped test with this reason
    print(f"samtranslator is not installed: {missing}", file=sys.stderr)
    sys.exit(3)

# The managed policies SAM attaches to functions and event sources used here; a policy SAM looks up
# that is missing from this map fails the translation, which is what we want to hear about.
MANAGED_POLICIES = {
    name: f"arn:aws:iam::aws:policy/service-role/{name}"
    for name in (
        "AWSLambdaBasicExecutionRole",
        "AWSLambdaDynamoDBExecutionRole",
        "AWSLambdaSQSQueueExecutionRole",
        "AWSLambdaKinesisExecutionRole",
        "AWSLambdaVPCAccessExecutionRole",
        "AWSLambdaRole",
    )
}
MANAGED_POLICIES["AWSXrayWriteOnlyAccess"] = "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess"


class FixedManagedPolicies:
    def load(self):
        return dict(MANAGED_POLICIES)


def as_packaged(template):
    """What `sam package` does before the transform: local code paths become S3 locations."""
    for logical_id, resource in template.get("Resources", {}).items():
        properties = resource.get("Properties") or {}
        if resource.get("Type") == "AWS::Serverless::Function" and isinstance(properties.get("CodeUri", "."), str):
            if not str(properties.get("CodeUri", ".")).startswith("s3://"):
                properties["CodeUri"] = f"s3://sam-packaged/{logical_id}.zip"
                resource["Properties"] = properties
    return template


def main(path):
    with open(path, encoding="utf-8") as f:
        template = as_packaged(yaml_parse(f.read()))
    translated = transform(template, {}, FixedManagedPolicies())
    json.dump(translated, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
