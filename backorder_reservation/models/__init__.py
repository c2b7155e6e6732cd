# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import backorder_lock
from . import backorder_position
from . import product_template
from . import product_product
from . import res_partner
from . import res_config_settings
from . import sale_order
from . import sale_order_line
from . import stock_location
from . import stock_move
from . import stock_quant
from . import ir_http
from . import mail_message
from . import mail_template
