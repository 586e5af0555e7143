-- KEYS=n TTL=s THREADS=2 wrk -t2 -c50 -d600s -s node/bench/fill.lua http://127.0.0.1:18181
-- PUT k-1 .. k-KEYS once each (1 KB bodies), the THREADS wrk threads taking turns, then start
-- again: run it until the node holds KEYS items (node/bench/live-set.sh polls /v1/status, stops it).
local KEYS = tonumber(os.getenv("KEYS") or "10000")
local THREADS = tonumber(os.getenv("THREADS") or "2")
local TTL = os.getenv("TTL") or "86400"
wrk.method = "PUT"
wrk.body = string.rep("x", 1024)
wrk.headers["Content-Type"] = "application/octet-stream"

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  next_key = tid
end

function request()
  local k = next_key
  next_key = next_key + THREADS
  if next_key > KEYS then
    next_key = tid
  end
  return wrk.format(nil, "/v1/data/k-" .. k .. "?ttl=" .. TTL)
end
