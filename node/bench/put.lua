-- [KEYS=n] [TTL=s] wrk -t2 -c50 -d15s -s node/bench/put.lua http://127.0.0.1:18181
-- PUT /v1/data/k-<random key> with a 1 KB body. Keys come from a space of KEYS (default 10,000, the
-- scenarios' default key_space), so the live set is bounded however long wrk runs: about 11 MB by
-- default, about 1 GB per node with KEYS=1000000 (node/bench/live-set.sh fills that first).
local KEYS = tonumber(os.getenv("KEYS") or "10000")
local TTL = os.getenv("TTL")
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
  local path = "/v1/data/k-" .. math.random(1, KEYS)
  if TTL then
    path = path .. "?ttl=" .. TTL
  end
  return wrk.format(nil, path)
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end
