-- wrk script: blocking runs of the 3-node workflow. KEY is replaced by the bench.
wrk.method = "POST"
wrk.body   = '{"inputs":{"name":"bench"},"user":"wrk","response_mode":"blocking"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer KEY"
