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

-- Inline ready entries (pushed by the client, no hash yet; format in backend/entry.rs): byte 1
-- (plain) or byte 2 (keyed), then id, max_attempts, enqueued_ms, traceparent, request id and, for
-- a keyed entry, its idempotency key, each followed by byte 31, then the payload (the rest). Bare
-- ids never start with byte 1 or 2.
local function is_inline(entry)
  local b = string.byte(entry, 1)
  return b == 1 or b == 2
end
-- id, max, enqueued_ms, traceparent, request id, payload, key ('' when plain); nil when malformed.
local function parse_inline(entry)
  local keyed = string.byte(entry, 1) == 2
  local f, pos = {}, 2
  for i = 1, keyed and 6 or 5 do
    local stop = string.find(entry, '\31', pos, true)
    if not stop then return nil end
    f[i] = string.sub(entry, pos, stop - 1)
    pos = stop + 1
  end
  if f[1] == '' or not tonumber(f[2]) or not tonumber(f[3]) then return nil end
  if keyed and f[6] == '' then return nil end
  return f[1], f[2], f[3], f[4], f[5], string.sub(entry, pos), f[6] or ''
end

-- A job claimed from an inline entry keeps the entry whole in its hash's field 'i' (the claim
-- only cuts out the id: the hot path parses nothing; the worker reads the rest itself). Its other
-- fields are written the first time anything but an ack needs them: a failure, a hand-back.
local function expand(prefix, queue, id)
  local jk = job_key(prefix, id)
  local entry = redis.call('HGET', jk, 'i')
  if not entry then return end
  local _, max, enq, trace, rid, payload, key = parse_inline(entry)
  redis.call('HDEL', jk, 'i')
  if not max then
    -- Cannot happen for an entry the client wrote; keep the job runnable rather than lose it.
    max, enq, trace, rid, payload, key = 1, 0, '', '', '', ''
  end
  local fields = { 'q', queue, 'p', payload, 'm', max, 'e', enq }
  if key ~= '' then fields[#fields + 1] = 'k'; fields[#fields + 1] = key end
  if trace ~= '' then fields[#fields + 1] = 't'; fields[#fields + 1] = trace end
  if rid ~= '' then fields[#fields + 1] = 'r'; fields[#fields + 1] = rid end
  redis.call('HSET', jk, unpack(fields))
end
