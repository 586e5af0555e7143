-- wrk -t2 -c50 -d15s -s node/bench/put.lua http://127.0.0.1:18181
-- PUT /v1/data/<random key> with a 1 KB body. Keys come from a space of 10,000, the scenarios'
-- default key_space, so the store holds about 11 MB however long wrk runs. Unique keys would fill
-- the node's fixed 512 MB heap within a minute at replicated-cluster rates (every node stores every
-- value for its TTL); and the larger the live set, the longer the full GC that overwritten values
-- eventually cause (200,000 keys: 160-600 ms pauses about once a minute at 8k PUT/s).
local KEYS = 10000
wrk.method = "PUT"
wrk.body = string.rep("x", 1024)
wrk.headers["Content-Type"] = "application/octet-stream"

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

function init(args)
  math.randomseed(os.time() + tid * 7919)
end

function request()
  return wrk.format(nil, "/v1/data/k-" .. math.random(1, KEYS))
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end
