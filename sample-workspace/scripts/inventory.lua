-- Inventory reservation rules for the warehouse robot.
local M = {}

-- TODO: reserve stock per warehouse instead of globally !low
function M.reserve(stock, sku, quantity)
  local available = stock[sku] or 0
  if available < quantity then
    return nil, "not enough stock"
  end
  stock[sku] = available - quantity
  return true
end

--[[ FIXME: negative quantities are accepted;
     validate the input at the API boundary ]]
return M
