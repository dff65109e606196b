window.CTSGUIDE_SEARCH_TITLES = {"shardSize":50,"folders":["","guide/"],"synonyms":[],"pages":[
[0,"index.html","Home","",0],
[0,"guide/index.html","The guide","",0],
[1,"alpha/index.html","Alpha \u003cscript\u003ealert(1)\u003c/script\u003e","97550",0],
[1,"beta/index.html","Beta","",0],
[0,"sources/index.html","Sources","",0]
]};
