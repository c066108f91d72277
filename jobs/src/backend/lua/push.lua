-- push: store jobs and make them runnable, in one round trip for a whole batch.
-- ARGV: prefix, queue, idempotency ttl (s), then 7 fields per job:
--   id, payload, max_attempts, delay_ms (0 = now), idempotency key ('' = none), traceparent, request id
-- Returns, per job: the id that holds the work and 1 if it was a duplicate (the existing job's id), else 0.
local prefix, queue, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3])
local now = now_ms()
local ready = qkey(prefix, queue, 'ready')
local sched = qkey(prefix, queue, 'sched')
local out = {}
for i = 4, #ARGV, 7 do
  local id, payload, max, delay = ARGV[i], ARGV[i + 1], ARGV[i + 2], tonumber(ARGV[i + 3])
  local key, trace, rid = ARGV[i + 4], ARGV[i + 5], ARGV[i + 6]
  local existing = false
  if key ~= '' then
    local ik = prefix .. ':idem:' .. queue .. ':' .. key
    if not redis.call('SET', ik, id, 'NX', 'EX', ttl) then
      existing = redis.call('GET', ik)
    end
  end
  if existing then
    out[#out + 1] = existing
    out[#out + 1] = 1
  else
    redis.call('HSET', job_key(prefix, id), 'q', queue, 'p', payload, 'a', 0, 'm', max,
      'e', now, 'k', key, 't', trace, 'r', rid)
    if delay > 0 then
      redis.call('ZADD', sched, now + delay, id)
    else
      redis.call('LPUSH', ready, id)
    end
    out[#out + 1] = id
    out[#out + 1] = 0
  end
end
return out
