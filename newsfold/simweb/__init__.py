"""A simulated news web with ground truth: outlets, a wire service, mirror domains and broken sources,
generated deterministically from a seed and served over loopback HTTP for tests, the demo and benchmarks.

    world = build_world(seed=7, articles=400)
    with SimWebServer(world) as server:      # point Scrapy's meta["proxy"] at server.proxy_url
        ...
    world.write_truth(pathlib.Path("truth.jsonl"))
"""
from .server import SimWebServer
from .sites import Site
from .world import TruthRow, World, build_world

__all__ = ["SimWebServer", "Site", "TruthRow", "World", "build_world"]
