-- claim: promote due retries (bounded chunk), then move up to n jobs into this worker's in-flight
-- list, count the attempt, and return them. Ids a blocking fetch already moved into the worker's
-- fetched list come first, then ready ones. This is the only way into an in-flight list, and it
-- counts `running` and the attempt in the same step, so every in-flight id is counted exactly
-- once. The worker's lease is refreshed here too, so every job in an in-flight list has a
-- registered owner with a deadline.
-- A ready (or fetched) entry is a bare job id (its hash was written at push) or an inline entry
-- carrying the whole job (pushed without a hash; format in common.lua): the claim writes its hash,
-- with the attempt counted, and puts the bare id into the in-flight list, so everything after a
-- claim sees ids and hashes only.
-- ARGV: prefix, queue, worker id, n, lease_ms, promote_limit
-- Returns: { next_due_ms or -1, then 8 fields per job: id, attempt, max, enqueued_ms, payload, key, trace, rid }
local prefix, queue, wid = ARGV[1], ARGV[2], ARGV[3]
local n, lease, limit = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local now = now_ms()
local ready = qkey(prefix, queue, 'ready')
local sched = qkey(prefix, queue, 'sched')
local fetched = fetched_key(prefix, queue, wid)
local inflight = inflight_key(prefix, queue, wid)
redis.call('ZADD', prefix .. ':workers', now + lease, queue .. '|' .. wid)

local due = redis.call('ZRANGEBYSCORE', sched, '-inf', now, 'LIMIT', 0, limit)
if #due > 0 then
  redis.call('ZREM', sched, unpack(due))
  redis.call('LPUSH', ready, unpack(due))
end

local out = { -1 }
local taken = 0
-- An inline entry, just moved to the head of the in-flight list: store it whole as the job's
-- record (first attempt; `expand` writes the other fields if ever needed) and leave its bare id
-- there. Ids are 32 hex digits, so the id is bytes 2..33 and a separator follows; the worker
-- parses the rest of the entry, which is returned as the payload.
local function take_inline(entry)
  if #entry < 34 or string.byte(entry, 34) ~= 31 then
    -- Not a job anyone could run; drop it rather than loop on it.
    redis.call('LPOP', inflight)
    return
  end
  local id = string.sub(entry, 2, 33)
  redis.call('LSET', inflight, 0, id)
  redis.call('HSET', job_key(prefix, id), 'i', entry, 'a', 1)
  taken = taken + 1
  local base = #out
  out[base + 1] = id
  out[base + 2] = 1
  out[base + 3] = 0
  out[base + 4] = 0
  out[base + 5] = entry
  out[base + 6] = ''
  out[base + 7] = ''
  out[base + 8] = ''
end

local function take(id)
  if is_inline(id) then return take_inline(id) end
  local jk = job_key(prefix, id)
  local f = redis.call('HMGET', jk, 'p', 'm', 'e', 'k', 't', 'r')
  if not f[1] then
    -- A job id without its record cannot run; drop it rather than loop on it.
    redis.call('LREM', inflight, 1, id)
    return
  end
  local a = redis.call('HINCRBY', jk, 'a', 1)
  taken = taken + 1
  local base = #out
  out[base + 1] = id
  out[base + 2] = a
  out[base + 3] = f[2]
  out[base + 4] = f[3]
  out[base + 5] = f[1]
  out[base + 6] = f[4]
  out[base + 7] = f[5]
  out[base + 8] = f[6]
end

for _ = 1, n do
  local id = redis.call('LMOVE', fetched, inflight, 'RIGHT', 'LEFT')
    or redis.call('LMOVE', ready, inflight, 'RIGHT', 'LEFT')
  if not id then break end
  take(id)
end
if taken > 0 then redis.call('HINCRBY', qkey(prefix, queue, 'stats'), 'running', taken) end
local nxt = redis.call('ZRANGE', sched, 0, 0, 'WITHSCORES')
if nxt[2] then out[1] = tonumber(nxt[2]) end
return out
