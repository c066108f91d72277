-- purge_dead: staff discard dead letters they have read (a tick superseded by the next, a job
-- nobody will re-drive). The letter and its record go; nothing else changes.
-- ARGV: prefix, queue, ids... Returns how many were purged.
local prefix, queue = ARGV[1], ARGV[2]
local dead = qkey(prefix, queue, 'dead')
local n = 0
for i = 3, #ARGV do
  if redis.call('ZREM', dead, ARGV[i]) == 1 then
    redis.call('DEL', job_key(prefix, ARGV[i]))
    n = n + 1
  end
end
return n
