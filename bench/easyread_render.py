"""How much an explanation page costs, rendered fresh and from the page cache, against a
bare route served the same way (through the whole Flask stack, by the test client).

Run: .venv/bin/python bench/easyread_render.py
Target: a cached page within 5 times the cost of a bare route.
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.app import bench_app  # noqa: E402
from portal.easyread import views  # noqa: E402

ROUNDS = 300
TARGET_RATIO = 5.0


def timed(client, path, before=None):
    samples = []
    for _ in range(ROUNDS):
        if before:
            before()
        start = time.perf_counter()
        response = client.get(path)
        samples.append(time.perf_counter() - start)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(samples) * 1000


def main():
    app = bench_app(lambda made: made.add_url_rule("/bench-bare", "bench_bare", lambda: "ok"))
    client = app.test_client()
    path = "/about/dynamic-support-register"
    client.get(path)  # warm up templates and the speech check

    bare = timed(client, "/bench-bare")
    fresh = timed(client, path, before=views.pages.clear)
    cached = timed(client, path)
    ratio = cached / bare
    print(f"bare route:        {bare:.3f} ms (median of {ROUNDS})")
    print(f"page, rendered:    {fresh:.3f} ms")
    print(f"page, from cache:  {cached:.3f} ms")
    print(f"cached / bare:     {ratio:.2f} (target <= {TARGET_RATIO})")
    print(f"rendered / cached: {fresh / cached:.1f}x saved by the cache")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
