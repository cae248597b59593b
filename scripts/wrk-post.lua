-- wrk script for scripts/bench-serve: POSTs the article named by QUOTECTL_ARTICLE as text/plain.
local file = assert(io.open(os.getenv("QUOTECTL_ARTICLE"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "text/plain; charset=utf-8"
file:close()
