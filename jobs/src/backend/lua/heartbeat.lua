-- heartbeat: extend the leases of this process's workers (one entry per queue it serves).
-- ARGV: prefix, lease_ms, members ("queue|worker id")...
local now = now_ms()
local lease = tonumber(ARGV[2])
for i = 3, #ARGV do redis.call('ZADD', ARGV[1] .. ':workers', now + lease, ARGV[i]) end
return #ARGV - 2
