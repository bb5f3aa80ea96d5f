# --8<-- [start:show]
# EXAMPLE NUMBERS ONLY, made up for the calculation: not real prices, speeds
# or benchmark scores. Put your provider's price list and your own eval here.
MODELS = {  # $ per 1M input tokens, $ per 1M output, p95 seconds, eval score
    "small": (0.15, 0.60, 0.8, 0.81),
    "medium": (1.00, 4.00, 1.6, 0.91),
    "large": (5.00, 25.00, 4.5, 0.95),
}
REQUESTS_PER_MONTH = 1_000_000
INPUT_TOKENS, OUTPUT_TOKENS = 1_500, 300  # per request, from our logs
MIN_SCORE, MAX_SECONDS = 0.90, 2.0  # what the feature needs


def monthly_cost(model: str, share: float = 1.0) -> float:
    price_in, price_out, _, _ = MODELS[model]
    per_request = (INPUT_TOKENS * price_in + OUTPUT_TOKENS * price_out) / 1e6
    return per_request * REQUESTS_PER_MONTH * share


fitting = []
for name, (_, _, seconds, score) in MODELS.items():
    fits = score >= MIN_SCORE and seconds <= MAX_SECONDS
    if fits:
        fitting.append(name)
    print(f"{name:6} ${monthly_cost(name):>6,.0f}/month fits={fits}")
    #> small  $   405/month fits=False
    #> medium $ 2,700/month fits=True
    #> large  $15,000/month fits=False
print("choose:", min(fitting, key=monthly_cost))
#> choose: medium
# --8<-- [end:show]
# routing: send the easy 80% (if small passes the eval on them) to small
routed = monthly_cost("small", 0.8) + monthly_cost("medium", 0.2)
print(f"routed small+medium: ${routed:,.0f}/month")
#> routed small+medium: $864/month
