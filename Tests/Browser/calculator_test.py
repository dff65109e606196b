def run(res, drv, site, cli, content, server):
    res.warn("calculator", "not yet")
