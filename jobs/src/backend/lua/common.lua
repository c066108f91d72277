-- Shared by every script (prepended at load time). Keys are built from the prefix inside the
-- scripts, so one call carries a whole batch; the fleet targets a single Redis (no cluster slots).
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function qkey(prefix, queue, name) return prefix .. ':q:' .. queue .. ':' .. name end
local function job_key(prefix, id) return prefix .. ':job:' .. id end
local function inflight_key(prefix, queue, wid) return qkey(prefix, queue, 'inflight:' .. wid) end
local function fetched_key(prefix, queue, wid) return qkey(prefix, queue, 'fetched:' .. wid) end
