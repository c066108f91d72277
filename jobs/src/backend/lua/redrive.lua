-- redrive: staff send dead letters back to work with a fresh set of attempts.
-- ARGV: prefix, queue, ids... Returns how many were re-driven.
local prefix, queue = ARGV[1], ARGV[2]
local dead = qkey(prefix, queue, 'dead')
local ready = qkey(prefix, queue, 'ready')
local n = 0
for i = 3, #ARGV do
  if redis.call('ZREM', dead, ARGV[i]) == 1 then
    redis.call('HSET', job_key(prefix, ARGV[i]), 'a', 0)
    redis.call('HDEL', job_key(prefix, ARGV[i]), 'd')
    redis.call('LPUSH', ready, ARGV[i])
    n = n + 1
  end
end
return n
