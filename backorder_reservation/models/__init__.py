from . import backorder_position
from . import product_template
from . import product_product
from . import res_partner
from . import res_config_settings
from . import sale_order
from . import stock_move
from . import stock_quant
