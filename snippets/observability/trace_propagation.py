from opentelemetry import propagate, trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import (
    InMemorySpanExporter,
)

exporter = InMemorySpanExporter()  # in production: OTLP to a collector
provider = TracerProvider()
provider.add_span_processor(SimpleSpanProcessor(exporter))
trace.set_tracer_provider(provider)
tracer = trace.get_tracer("shop")


# --8<-- [start:show]
def payments_service(headers: dict[str, str]) -> None:
    parent = propagate.extract(headers)  # the caller's context
    with tracer.start_as_current_span("POST /charges", context=parent):
        with tracer.start_as_current_span("INSERT charges"):
            pass  # the database call


with tracer.start_as_current_span("POST /orders"):  # orders service
    headers: dict[str, str] = {}
    propagate.inject(headers)  # adds the W3C `traceparent` header
    version, trace_id, span_id, flags = headers["traceparent"].split("-")
    sampled = int(flags, 16) & 1 == 1  # bit 0 of the trace flags
    print(f"traceparent: version={version} trace_id={len(trace_id)} hex, "
          f"sampled={sampled}")
    #> traceparent: version=00 trace_id=32 hex, sampled=True
    payments_service(headers)  # stands for an HTTP call

spans = {span.name: span for span in exporter.get_finished_spans()}
ids = {span.context.span_id: name for name, span in spans.items()}
for name, span in spans.items():
    parent = ids.get(span.parent.span_id) if span.parent else None
    print(f"{name:<15} parent={parent}")
    #> INSERT charges  parent=POST /charges
    #> POST /charges   parent=POST /orders
    #> POST /orders    parent=None
one_trace = len({span.context.trace_id for span in spans.values()}) == 1
print(f"one trace across services: {one_trace}")
#> one trace across services: True
# --8<-- [end:show]
