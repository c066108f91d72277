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

-- Inline ready entries (pushed by the client with a plain LPUSH, no hash yet): byte 1, then
-- id, max_attempts, enqueued_ms, traceparent, request id, each followed by byte 31, then the
-- payload (the rest). Bare ids never start with byte 1.
local function is_inline(entry) return string.byte(entry, 1) == 1 end
-- id, max, enqueued_ms, traceparent, request id, payload; nil when malformed.
local function parse_inline(entry)
  local f, pos = {}, 2
  for i = 1, 5 do
    local stop = string.find(entry, '\31', pos, true)
    if not stop then return nil end
    f[i] = string.sub(entry, pos, stop - 1)
    pos = stop + 1
  end
  if f[1] == '' or not tonumber(f[2]) or not tonumber(f[3]) then return nil end
  return f[1], f[2], f[3], f[4], f[5], string.sub(entry, pos)
end
