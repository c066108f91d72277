-- redrive: staff send dead letters back to work with a fresh set of attempts.
-- ARGV: prefix, queue, ids... Returns how many were re-driven.
local prefix, queue = ARGV[1], ARGV[2]
local dead = qkey(prefix, queue, 'dead')
local ready = qkey(prefix, queue, 'ready')
local n = 0
for i = 3, #ARGV do
  local id = ARGV[i]
  -- A dead letter without its record cannot run: drop it rather than leave a bare hash behind.
  if redis.call('ZREM', dead, id) == 1 and redis.call('EXISTS', job_key(prefix, id)) == 1 then
    redis.call('HSET', job_key(prefix, id), 'a', 0)
    redis.call('HDEL', job_key(prefix, id), 'd')
    redis.call('LPUSH', ready, id)
    n = n + 1
  end
end
return n
