from dagster import DynamicPartitionsDefinition

# One partition per recording; the key is the transcript id.
recordings = DynamicPartitionsDefinition(name="recordings")
