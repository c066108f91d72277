-- recover: any live process (or fleetctl) returns the jobs of workers whose lease lapsed. The
-- attempt was counted at claim and nobody knows whether the run happened, so a job that has used
-- its last attempt goes to the dead letters. Ids a blocking fetch moved that no claim took go back
-- as they were.
-- ARGV: prefix, limit. Returns the number of jobs returned to ready and sent to dead letters.
local prefix, limit = ARGV[1], tonumber(ARGV[2])
local now = now_ms()
local workers = prefix .. ':workers'
local lapsed = redis.call('ZRANGEBYSCORE', workers, '-inf', now, 'LIMIT', 0, limit)
local requeued, dead = 0, 0
for _, member in ipairs(lapsed) do
  local sep = string.find(member, '|', 1, true)
  local queue, wid = string.sub(member, 1, sep - 1), string.sub(member, sep + 1)
  local msg = 'lease expired: worker ' .. wid .. ' stopped renewing it'
  local r, d = give_back(prefix, queue, wid, {}, true, msg, true)
  requeued, dead = requeued + r, dead + d
  redis.call('ZREM', workers, member)
end
return { requeued, dead }
