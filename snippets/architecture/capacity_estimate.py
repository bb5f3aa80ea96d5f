import math

users = 1_000_000
daily_active = users * 0.20  # 20% of users open the app on a given day
requests_per_user = 40  # API calls per active user per day
average_rps = daily_active * requests_per_user / 86_400
peak_rps = average_rps * 5  # evenings and launches: several times the average
print(f"average {average_rps:.0f} rps, peak {peak_rps:.0f} rps")
#> average 93 rps, peak 463 rps

per_pod_rps = 250  # assumed: load-test one pod to get yours
pods = max(3, math.ceil(peak_rps * 1.5 / per_pod_rps))  # 50% headroom, 3 for HA
print(f"API pods: {pods}")
#> API pods: 3

read_share, cache_hit = 0.9, 0.95  # mostly reads; hot data served from Redis
db_reads = peak_rps * read_share * (1 - cache_hit)
db_writes = peak_rps * (1 - read_share)
print(f"database at peak: {db_reads:.0f} reads/s, {db_writes:.0f} writes/s")
#> database at peak: 21 reads/s, 46 writes/s
print(f"without the cache: {peak_rps * read_share:.0f} reads/s")
#> without the cache: 417 reads/s
